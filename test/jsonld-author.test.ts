/**
 * The writer a page declares only in its JSON-LD: taken when the page shows none and the JSON-LD names a Person that
 * is not the site, the publisher, the source outlet or an outlet-like name.
 */
import { describe, expect, it } from 'vitest';
import { JSDOM } from 'jsdom';
import { extractArticle } from '../src/extract/index';
import { declaredAuthor } from '../src/extract/labels';

describe('declaredAuthor: JSON-LD Person names as a fallback writer', () => {
  it('keeps person names, cleaned as shown credits are', () => {
    expect(declaredAuthor(['许嘉宁'], [])).toBe('许嘉宁');
    expect(declaredAuthor(['许嘉宁', '韩知远'], ['滨海观察'])).toBe('许嘉宁 韩知远');
    expect(declaredAuthor(['滨海晚报记者 许嘉宁'], [])).toBe('许嘉宁');
    expect(declaredAuthor(['Jane Doe', 'John Roe'], ['The Harbour Herald'])).toBe('Jane Doe, John Roe');
    expect(declaredAuthor(['许嘉宁', '许嘉宁'], [])).toBe('许嘉宁');
  });

  it('drops the site, the publisher and the source outlet, and names that hold one', () => {
    expect(declaredAuthor(['滨海观察'], ['滨海观察'])).toBeNull();
    expect(declaredAuthor(['滨 海 观 察'], [null, undefined, '滨海观察'])).toBeNull();
    expect(declaredAuthor(['Harbour Herald'], ['The Harbour Herald', 'Harbour Herald'])).toBeNull();
    expect(declaredAuthor(['Tech Insider Writers'], ['Tech Insider'])).toBeNull();
    // A person among outlets is kept.
    expect(declaredAuthor(['滨海观察', '许嘉宁'], ['滨海观察'])).toBe('许嘉宁');
  });

  it('drops names that read as an outlet or an organisation, and placeholders', () => {
    for (const name of ['人民网', '新华社', '滨海晚报', '央视新闻', '东南卫视', '滨海融媒体中心', '青岚县委宣传部', '滨海观察编辑部', '潮声小编']) {
      expect(declaredAuthor([name], []), name).toBeNull();
    }
    for (const name of ['Reuters Staff', 'Reuters', 'Editorial Team', 'Harbour Media Group', 'example.com', 'News Desk']) {
      expect(declaredAuthor([name], []), name).toBeNull();
    }
    for (const name of ['admin', '佚名', '网络', '未知', '']) expect(declaredAuthor([name], []), name).toBeNull();
  });

  it('keeps Western names as written, without logins, acronyms and account names', () => {
    expect(declaredAuthor(['By Jane Doe'], [])).toBe('Jane Doe');
    expect(declaredAuthor(['Dylan Bailey, MS, RD'], [])).toBe('Dylan Bailey, MS, RD');
    expect(declaredAuthor(['Susan'], [])).toBe('Susan');
    for (const name of ['webmaster', 'Webmaster', 'site_admin', 'fhaacker', 'sv_team', 'christian.stadtfeld', 'GNB', 'EFE', 'Anonymous', 'user1024']) {
      expect(declaredAuthor([name], []), name).toBeNull();
    }
  });

  it("drops the name of the page's host", () => {
    expect(declaredAuthor(['GitHub'], [], 'https://github.blog/news-insights/x/')).toBeNull();
    expect(declaredAuthor(['Binhai Guancha'], [], 'https://www.binhai-guancha.example.cn/a.html')).toBeNull();
    expect(declaredAuthor(['Lebensmittel Praxis'], [], 'https://lebensmittelpraxis.de/a.html')).toBeNull();
    expect(declaredAuthor(['Jane Doe'], [], 'https://github.blog/a')).toBe('Jane Doe');
    expect(declaredAuthor(['Jane Doe'], [], 'not a url')).toBe('Jane Doe');
  });
});

const BODY = [
  '老旧小区充电难，有了新解法。首批共享充电车位在三个社区投入使用，附近居民通过手机小程序预约，就能在夜间使用周边单位的充电车位。',
  '记者在区文化中心停车场看到，二十个带有绿色标识的车位已经完成改造，每个车位都配有一台交流充电桩，白天供前来办事的市民停放。',
  '区城市管理局相关负责人介绍，首批共享车位由机关事业单位和商业综合体提供，预约、导航、计费全部在线完成，超时未驶离的车辆将被记录。',
  '据悉，全区计划年底前将共享充电车位扩大到五百个以上，并鼓励有条件的企业和学校加入，逐步缓解老旧小区居民的充电难题。',
]
  .map((p) => `<p>${p}</p>`)
  .join('\n');

/** A news page whose JSON-LD is `ld` and whose meta row is `meta` (no byline unless `meta` shows one). */
function page(ld: unknown, meta = '<span>2023-11-08 07:45</span> <span>来源：滨海晚报</span>', siteName = '滨海观察'): string | null {
  const html = `<!DOCTYPE html><html lang="zh-CN"><head><meta charset="utf-8">
<title>共享充电车位上线 居民夜间可错峰充电 - ${siteName}</title>
<meta property="og:site_name" content="${siteName}">
<script type="application/ld+json">${JSON.stringify(ld)}</script></head>
<body><header><nav><a href="/">首页</a><a href="/city/">城事</a></nav></header>
<article><h1>共享充电车位上线 居民夜间可错峰充电</h1><div class="meta">${meta}</div>
<div class="article-body">${BODY}</div></article>
<footer><p>${siteName} 版权所有</p><p>津ICP备20003517号-1</p></footer></body></html>`;
  const url = 'https://www.binhai-guancha.example.cn/news/2023/11/08/a1.html';
  return extractArticle(new JSDOM(html, { url }).window.document, { url })?.author ?? null;
}

const article = (author: unknown, extra: Record<string, unknown> = {}): Record<string, unknown> => ({
  '@context': 'https://schema.org',
  '@type': 'NewsArticle',
  headline: '共享充电车位上线 居民夜间可错峰充电',
  datePublished: '2023-11-08T07:45:00+08:00',
  author,
  ...extra,
});

describe('extractArticle: the JSON-LD author as a fallback', () => {
  it('takes Person authors when the page shows no writer', () => {
    expect(page(article({ '@type': 'Person', name: '许嘉宁' }))).toBe('许嘉宁');
    expect(page(article([{ '@type': 'Person', name: '许嘉宁' }, { '@type': 'Person', name: '韩知远' }]))).toBe('许嘉宁 韩知远');
  });

  it('follows an @id reference to a Person node of the graph (Yoast)', () => {
    const graph = {
      '@context': 'https://schema.org',
      '@graph': [
        article({ '@id': 'https://www.binhai-guancha.example.cn/#/schema/person/7f3a' }),
        { '@type': 'Person', '@id': 'https://www.binhai-guancha.example.cn/#/schema/person/7f3a', name: '许嘉宁' },
      ],
    };
    expect(page(graph)).toBe('许嘉宁');
  });

  it('prefers the writer the page shows', () => {
    expect(page(article({ '@type': 'Person', name: '许嘉宁' }), '<span>2023-11-08 07:45</span> <span>来源：滨海晚报</span> <span>作者：韩知远</span>')).toBe('韩知远');
  });

  it('reads HTML-escaped names, and leaves out a name with an entity it cannot read', () => {
    expect(page(article({ '@type': 'Person', name: 'Maria &amp; Katerina' }))).toBe('Maria & Katerina');
    expect(page(article({ '@type': 'Person', name: 'Jos&#233; Ruiz' }))).toBe('José Ruiz');
    expect(page(article({ '@type': 'Person', name: 'Redacci&oacute;n Central' }))).toBeNull();
  });

  it('leaves out organisations, bare strings and untyped objects', () => {
    expect(page(article({ '@type': 'Organization', name: '许嘉宁' }))).toBeNull();
    expect(page(article({ '@type': 'NewsMediaOrganization', name: '滨海观察' }))).toBeNull();
    expect(page(article({ '@type': ['Person', 'Organization'], name: '许嘉宁' }))).toBeNull();
    expect(page(article('许嘉宁'))).toBeNull();
    expect(page(article({ name: '许嘉宁' }))).toBeNull();
  });

  it('leaves out a Person that is the site, the publisher or the source outlet', () => {
    expect(page(article({ '@type': 'Person', name: '滨海观察' }))).toBeNull();
    expect(page(article({ '@type': 'Person', name: '海风' }, { publisher: { '@type': 'Organization', name: '海风' } }), undefined, '滨海观察')).toBeNull();
    expect(page(article({ '@type': 'Person', name: '滨海晚报' }))).toBeNull();
    expect(page(article({ '@type': 'Person', name: '潮汐' }), '<span>2023-11-08 07:45</span> <span>来源：潮汐</span>')).toBeNull();
    expect(page(article({ '@type': 'Person', name: '滨海观察编辑部' }))).toBeNull();
  });
});
