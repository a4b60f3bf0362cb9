/**
 * Huge and pathological pages, generated: a 5 MB page of 100 000 nodes, a 5 000-level nesting, 10 000 images, a
 * 50 000-row table. Used by the scale tests (at these sizes) and by the benchmark (timed).
 */

const PARAGRAPH = '　　为切实做好安全生产工作，防范化解重大风险，各单位要认真落实主体责任，建立健全隐患排查治理体系，确保各项措施落到实处。';

function page(title: string, body: string): string {
  return `<!DOCTYPE html><html lang="zh-CN"><head><meta charset="utf-8"><title>${title}_测试站</title></head><body>
<div class="nav">${Array.from({ length: 20 }, (_, i) => `<a href="/c${i}/">栏目${i}</a>`).join(' ')}</div>
<h1>${title}</h1><p class="info">发布时间：2024-05-06 09:30 来源：测试站</p>
${body}
<div class="footer">版权所有 测试站 京ICP备12345678号</div></body></html>`;
}

/** About `megabytes` of HTML with ~20 000 nodes per MB: an article with many paragraphs inside layout divs, sidebars of links. */
export function hugePage(megabytes = 5): string {
  const target = megabytes * 1024 * 1024;
  const parts: string[] = ['<div class="main"><div class="article">'];
  let size = 0;
  let i = 0;
  while (size < target * 0.8) {
    const chunk = `<div class="row"><p><span>${PARAGRAPH}</span><span>第${i}段。</span></p></div>`;
    parts.push(chunk);
    size += chunk.length * 2;
    i++;
  }
  parts.push('</div><div class="side"><ul>');
  while (size < target) {
    const chunk = `<li><a href="/n/${i}.html">相关新闻标题第${i}条</a><span>2024-01-01</span></li>`;
    parts.push(chunk);
    size += chunk.length * 2;
    i++;
  }
  parts.push('</ul></div></div>');
  return page('超大页面测试', parts.join('\n'));
}

/** The article's paragraphs at the bottom of `depth` nested divs. */
export function deepPage(depth = 5000): string {
  const body = `${'<div>'.repeat(depth)}${Array.from({ length: 10 }, () => `<p>${PARAGRAPH}</p>`).join('')}${'</div>'.repeat(depth)}`;
  return page('深层嵌套测试', body);
}

export function imagesPage(count = 10_000): string {
  const body = `<div class="article"><p>${PARAGRAPH}</p>${Array.from({ length: count }, (_, i) => `<p><img src="/img/${i}.jpg" alt="图${i}"></p>`).join('')}<p>${PARAGRAPH}</p></div>`;
  return page('万张图片测试', body);
}

export function tablePage(rows = 50_000): string {
  const body = `<div class="article"><p>${PARAGRAPH}</p><table><tbody>${Array.from(
    { length: rows },
    (_, i) => `<tr><td>${i}</td><td>单位${i}</td><td>${i * 3}</td></tr>`,
  ).join('')}</tbody></table><p>${PARAGRAPH}</p></div>`;
  return page('五万行表格测试', body);
}
