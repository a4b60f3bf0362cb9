/**
 * Citations: the GB/T 7714—2015 reference against the standard's own examples of online resources and names, and
 * for real pages (the seed page, a 公文 with a 发文字号); the fallbacks for the responsible party; BibTeX that a
 * BibTeX reader parses back; CSL-JSON that validates against the CSL data schema.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Cite } from '@citation-js/core';
import '@citation-js/plugin-bibtex';
import Ajv from 'ajv';
import { describe, expect, it } from 'vitest';
import { extractArticle } from '../src/extract/index';
import { toBibtex } from '../src/format/bibtex';
import { citationOf, citationSource, citationTitle, creditedNames, localDate, type CitationSource } from '../src/format/citation';
import { toCslItem, toCslJson } from '../src/format/csl-json';
import { gbtName, toGbt7714 } from '../src/format/gbt7714';
import { readSeed } from '../bench/corpus';
import { corpusAvailable, FIXTURES_DIR, listFixtures, loadDocument } from './helpers';

type Page = CitationSource['article'];

function page(overrides: Partial<Page>): Page {
  return { title: '', author: null, source: null, siteName: null, publishedTime: null, url: null, lang: null, summary: null, ...overrides };
}

/** A local-clock day. */
const day = (y: number, m: number, d: number): Date => new Date(y, m - 1, d, 15, 30);
const gbt = (article: Page, now: Date, extra: Omit<CitationSource, 'article'> = {}): string => toGbt7714(citationOf({ article, ...extra }, now));

describe('GB/T 7714—2015: the standard’s examples of online resources', () => {
  it('a person as author: surname in capitals, initials, (date)[cited date], address, full stop', () => {
    expect(
      gbt(page({ title: 'UNIMARC and metadata: Dublin Core', author: 'Alan Hopkinson', publishedTime: '2009-04-22', url: 'http://archive.ifla.org/IV/ifla64/138-161e.htm', lang: 'en' }), day(2013, 3, 27)),
    ).toBe('HOPKINSON A. UNIMARC and metadata: Dublin Core[EB/OL]. (2009-04-22)[2013-03-27]. http://archive.ifla.org/IV/ifla64/138-161e.htm.');
    expect(
      gbt(
        page({ title: 'Origins and concepts of digital literacy', author: 'David Bawden', publishedTime: '2008-05-04', url: 'http://www.soi.city.ac.uk/~dbawden/digital%20literacy%20chapter.pdf' }),
        day(2013, 3, 8),
      ),
    ).toBe('BAWDEN D. Origins and concepts of digital literacy[EB/OL]. (2008-05-04)[2013-03-08]. http://www.soi.city.ac.uk/~dbawden/digital%20literacy%20chapter.pdf.');
  });

  it('an organisation as author, no date of its own: only the [cited date]; its own full stop is not doubled', () => {
    expect(
      gbt(page({ title: 'About OCLC: history of cooperation', source: 'Online Computer Library Center, Inc.', url: 'http://www.oclc.org/about/cooperation.en.html' }), day(2012, 3, 27)),
    ).toBe('Online Computer Library Center, Inc. About OCLC: history of cooperation[EB/OL]. [2012-03-27]. http://www.oclc.org/about/cooperation.en.html.');
  });

  it('an official notice: the issuing office, the 发文字号 as other title information, [A/OL]', () => {
    expect(
      gbt(page({ title: '关于转发北京市企业投资项目核准暂行实施办法的通知', publishedTime: '2005-07-12', url: 'http://china.findlaw.cn/fagui/p_1/39934.html' }), day(2011, 7, 12), {
        issuer: '北京市人民政府办公厅',
        documentNumber: '京政办发〔2005〕37号',
      }),
    ).toBe('北京市人民政府办公厅. 关于转发北京市企业投资项目核准暂行实施办法的通知: 京政办发〔2005〕37号[A/OL]. (2005-07-12)[2011-07-12]. http://china.findlaw.cn/fagui/p_1/39934.html.');
  });

  it('writes names as §8.1.1 shows them', () => {
    const name = (credit: string): string => creditedNames(credit).map(gbtName).join('; ');
    expect(name('李时珍')).toBe('李时珍');
    expect(name('Albert Einstein')).toBe('EINSTEIN A');
    expect(name('Amabel Williams-Ellis')).toBe('WILLIAMS-ELLIS A');
    expect(name('Augustus De Morgan')).toBe('DE MORGAN A');
    expect(name('Jean-Luc Godard')).toBe('GODARD J-L');
    expect(name('Peyton Z. Peebles, Jr.')).toBe('PEEBLES P Z Jr.');
    expect(name('Christopher H. Sommers')).toBe('SOMMERS C H');
    expect(name('LI Jiangning')).toBe('LI J');
  });

  it('gives up to three names, then ", 等" in a Chinese reference and ", et al." in a Western one (§8.1.2)', () => {
    const zh = gbt(page({ title: '“北斗一号”监控管理网设计与实现', author: '武丽丽 华一新 张亚军 朱欣焰' }), day(2009, 10, 25));
    expect(zh).toBe('武丽丽, 华一新, 张亚军, 等. “北斗一号”监控管理网设计与实现[EB/OL]. [2009-10-25].');
    const en = gbt(page({ title: 'The genome of Eucalyptus grandis', author: 'Alexander A. Myburg, Dario Grattapaglia, Gerald A. Tuskan, Uffe Hellsten' }), day(2014, 6, 25));
    expect(en).toBe('MYBURG A A, GRATTAPAGLIA D, TUSKAN G A, et al. The genome of Eucalyptus grandis[EB/OL]. [2014-06-25].');
    expect(gbt(page({ title: 'Food irradiation research and technology', author: 'Xuetong Fan, Christopher H. Sommers' }), day(2014, 6, 26))).toMatch(/^FAN X, SOMMERS C H\. Food/);
  });
});

describe('GB/T 7714—2015 of real pages', () => {
  it.skipIf(!corpusAvailable())('the seed page: the source as author, the title without the space before its dash', () => {
    const { page: seed } = readSeed();
    const url = 'https://www.tjhjmat.com/news/1388.html';
    const article = extractArticle(loadDocument(seed.html, url), { url })!;
    expect(toGbt7714(citationOf({ article }, day(2026, 12, 7)))).toBe(
      '天津日报. 凝心聚力助发展 服务为民践初心——市政协十五届一次会议以来工作综述[EB/OL]. (2024-01-20)[2026-12-07]. https://www.tjhjmat.com/news/1388.html.',
    );
  });

  const notice = listFixtures().find((f) => f.name === 'trs-wcm--short-notice')!;
  const noticeArticle = extractArticle(loadDocument(notice.html, notice.url), { url: notice.url })!;

  it('a 公文 with its 发文字号 and 发文机关 (as the page’s 信息公开 table gives them)', () => {
    expect(toGbt7714(citationOf({ article: noticeArticle, issuer: '四川省科学技术厅', documentNumber: '川科函〔2023〕57号' }, day(2026, 12, 7)))).toBe(
      '四川省科学技术厅. 关于报送2023年度省级科技企业孵化器绩效评价材料的通知: 川科函〔2023〕57号[A/OL]. (2023-06-07)[2026-12-07]. https://kjt.sichuan.example.gov.cn/kjt/c103412/202306/t20230607_258136.shtml.',
    );
  });

  it('takes the 发文字号 and 发文机关 from the article’s 公文 header when it has one', () => {
    const withHeader = { ...noticeArticle, document: { number: '川科函〔2023〕57号', issuer: '四川省科学技术厅', index: '11510000MB0L52816K/2023-00158' } };
    expect(toGbt7714(citationOf(citationSource(withHeader), day(2026, 12, 7)))).toMatch(/^四川省科学技术厅\. 关于报送2023年度省级科技企业孵化器绩效评价材料的通知: 川科函〔2023〕57号\[A\/OL\]/);
    expect(citationSource(noticeArticle)).toEqual({ article: noticeArticle, documentNumber: null, issuer: null });
  });

  it('the same page without its document header: the source, an online resource', () => {
    expect(toGbt7714(citationOf({ article: noticeArticle }, day(2026, 12, 7)))).toBe(
      '成果转化与区域创新处. 关于报送2023年度省级科技企业孵化器绩效评价材料的通知[EB/OL]. (2023-06-07)[2026-12-07]. https://kjt.sichuan.example.gov.cn/kjt/c103412/202306/t20230607_258136.shtml.',
    );
  });
});

describe('the responsible party and the other parts', () => {
  const base = page({ title: '通知', author: '张三', source: '办公室', siteName: '某市应急管理局', publishedTime: '2024-03-08T09:30', url: 'https://a.example.gov.cn/1.html' });
  const head = (article: Page, extra: Omit<CitationSource, 'article'> = {}): string => gbt(article, day(2026, 12, 7), extra).split('通知')[0]!;

  it('is the person credited, else the issuing unit, else the source, else the site, else no one', () => {
    expect(head(base, { issuer: '某市人民政府' })).toBe('张三. ');
    expect(head({ ...base, author: null }, { issuer: '某市人民政府' })).toBe('某市人民政府. ');
    expect(head({ ...base, author: null })).toBe('办公室. ');
    expect(head({ ...base, author: null, source: null })).toBe('某市应急管理局. ');
    expect(head({ ...base, author: null, source: null, siteName: null })).toBe('');
  });

  it('takes the day of a date-time, and the 引用日期 from the local clock', () => {
    expect(gbt(base, new Date(2026, 11, 7, 23, 59))).toBe('张三. 通知[EB/OL]. (2024-03-08)[2026-12-07]. https://a.example.gov.cn/1.html.');
    expect(localDate(new Date(2026, 0, 5, 0, 1))).toBe('2026-01-05');
  });

  it('gives no address for a saved file, and no date it cannot read', () => {
    expect(gbt({ ...base, url: 'file:///home/me/page.html', publishedTime: '昨天' }, day(2026, 12, 7))).toBe('张三. 通知[EB/OL]. [2026-12-07].');
  });

  it('does not repeat a 发文字号 the title already holds, nor give it twice for a page without a title', () => {
    expect(gbt({ ...base, title: '' }, day(2026, 12, 7), { documentNumber: '川科函〔2023〕57号' })).toMatch(/^张三\. 川科函〔2023〕57号\[A\/OL\]\. /);
    expect(gbt({ ...base, title: '关于印发办法的通知（川科函〔2023〕57号）' }, day(2026, 12, 7), { documentNumber: '川科函〔2023〕57号' })).toMatch(
      /^张三\. 关于印发办法的通知（川科函〔2023〕57号）\[A\/OL\]/,
    );
  });

  it('writes the title on one line, without spaces beside full-width punctuation and dashes, without a closing full stop', () => {
    expect(citationTitle('凝心聚力助发展 服务为民践初心 \n——市政协工作综述')).toBe('凝心聚力助发展 服务为民践初心——市政协工作综述');
    expect(citationTitle('关于 “十四五” 规划 （草案） 的说明。')).toBe('关于“十四五”规划（草案）的说明');
    expect(citationTitle('Open access — a primer.')).toBe('Open access — a primer');
  });

  it('splits credits into names, and keeps organisations and interpunct names whole', () => {
    expect(creditedNames('刘玺东 易赛楠')).toEqual([
      { family: '刘', given: '玺东' },
      { family: '易', given: '赛楠' },
    ]);
    expect(creditedNames('欧阳修、司马光')).toEqual([
      { family: '欧阳', given: '修' },
      { family: '司马', given: '光' },
    ]);
    expect(creditedNames('阿依古丽·买买提')).toEqual([{ literal: '阿依古丽·买买提' }]);
    expect(creditedNames('新华社')).toEqual([{ literal: '新华社' }]);
    expect(creditedNames('王志科 李春会 天津日报')).toEqual([{ family: '王', given: '志科' }, { family: '李', given: '春会' }, { literal: '天津日报' }]);
    expect(creditedNames('Jane Doe, John Smith')).toEqual([
      { family: 'Doe', given: 'Jane' },
      { family: 'Smith', given: 'John' },
    ]);
    expect(creditedNames('Ludwig van Beethoven and Acme, Inc.')).toEqual([{ family: 'van Beethoven', given: 'Ludwig' }, { literal: 'Acme, Inc.' }]);
    expect(creditedNames('Reuters Staff')).toEqual([{ literal: 'Reuters Staff' }]);
  });
});

const bibtexToCsl = (bib: string): Record<string, unknown>[] => new Cite(bib).data;

describe('BibTeX', () => {
  const gov = citationOf(
    {
      article: page({ title: '关于报送绩效评价材料的通知', source: '成果转化处', siteName: '四川省科学技术厅', publishedTime: '2023-06-07', url: 'https://kjt.example.gov.cn/t1.shtml', lang: 'zh-CN' }),
      issuer: '四川省科学技术厅',
      documentNumber: '川科函〔2023〕57号',
    },
    day(2026, 12, 7),
  );

  it('is an @online entry with the fields biblatex reads', () => {
    expect(toBibtex(gov)).toBe(
      `@online{${gov.id},\n` +
        '  author       = {{四川省科学技术厅}},\n' +
        '  title        = {关于报送绩效评价材料的通知},\n' +
        '  subtitle     = {川科函〔2023〕57号},\n' +
        '  organization = {四川省科学技术厅},\n' +
        '  date         = {2023-06-07},\n' +
        '  urldate      = {2026-12-07},\n' +
        '  url          = {https://kjt.example.gov.cn/t1.shtml},\n' +
        '  langid       = {chinese}\n' +
        '}\n',
    );
    expect(gov.id).toMatch(/^web20230607-[0-9a-z]+$/);
  });

  it('parses back (citation-js) to the same reference, escaped characters and names included', () => {
    const hostile = citationOf(
      {
        article: page({
          title: '50% & C_D {x} #1 ~ ^ \\ $ 的通知',
          author: 'Ludwig van Beethoven, Jane Doe, 刘玺东',
          publishedTime: '2024-01-20',
          url: 'https://a.example/{a} b\\c?x=1&y=%25#frag',
        }),
      },
      day(2026, 12, 7),
    );
    const [parsed] = bibtexToCsl(toBibtex(hostile));
    expect(parsed).toMatchObject({
      type: 'webpage',
      id: hostile.id,
      title: '50% & C_D {x} #1 ~ ^ \\ $ 的通知',
      author: [{ family: 'van Beethoven', given: 'Ludwig' }, { family: 'Doe', given: 'Jane' }, { family: '刘玺东' }],
      issued: { 'date-parts': [[2024, 1, 20]] },
      accessed: { 'date-parts': [[2026, 12, 7]] },
      URL: 'https://a.example/%7Ba%7D%20b%5Cc?x=1&y=%25#frag',
    });
    const [back] = bibtexToCsl(toBibtex(gov));
    expect(back).toMatchObject({ title: '关于报送绩效评价材料的通知: 川科函〔2023〕57号', author: [{ family: '四川省科学技术厅' }] });
  });
});

describe('CSL-JSON', () => {
  const schema = JSON.parse(readFileSync(join(FIXTURES_DIR, '../data/csl-data.json'), 'utf8')) as object;
  const validate = new Ajv({ allErrors: true, strict: false }).compile(schema);

  it('gives the reference in CSL variables', () => {
    const citation = citationOf(
      {
        article: page({ title: '关于报送绩效评价材料的通知', author: '欧阳修 司马光', siteName: '四川省科学技术厅', publishedTime: '2023-06', url: 'https://kjt.example.gov.cn/t1.shtml', lang: 'zh-CN', summary: '摘要' }),
        issuer: '四川省科学技术厅',
        documentNumber: '川科函〔2023〕57号',
      },
      day(2026, 12, 7),
    );
    expect(toCslItem(citation)).toEqual({
      id: citation.id,
      type: 'webpage',
      title: '关于报送绩效评价材料的通知',
      author: [
        { family: '欧阳', given: '修' },
        { family: '司马', given: '光' },
      ],
      'container-title': '四川省科学技术厅',
      authority: '四川省科学技术厅',
      number: '川科函〔2023〕57号',
      issued: { 'date-parts': [[2023, 6]] },
      accessed: { 'date-parts': [[2026, 12, 7]] },
      URL: 'https://kjt.example.gov.cn/t1.shtml',
      language: 'zh-CN',
      abstract: '摘要',
    });
  });

  it('validates against the CSL data schema, for every fixture article and for names of every kind', () => {
    const articles: Page[] = listFixtures()
      .filter((f) => f.truth.article)
      .slice(0, 12)
      .map((f) => extractArticle(loadDocument(f.html, f.url), { url: f.url })!);
    articles.push(page({ title: 'x', author: 'Peyton Z. Peebles, Jr., 阿依古丽·买买提, Acme, Inc.' }));
    for (const article of articles) {
      const json = JSON.parse(toCslJson(citationOf({ article, documentNumber: '京政办发〔2005〕37号', issuer: '办公厅' }, day(2026, 12, 7)))) as unknown;
      expect(validate(json), `${article.title}: ${JSON.stringify(validate.errors)}`).toBe(true);
    }
  });

  it('is refused by the schema when it breaks a rule (the check can fail)', () => {
    const item = toCslItem(citationOf({ article: page({ title: 'x' }) }, day(2026, 12, 7)));
    expect(validate([item])).toBe(true);
    expect(validate([{ ...item, type: 'web-page' }])).toBe(false);
    expect(validate([{ ...item, author: [{ name: 'x' }] }])).toBe(false);
    expect(validate([{ ...item, issued: { 'date-parts': [[2024, 1, 2, 3]] } }])).toBe(false);
  });
});
