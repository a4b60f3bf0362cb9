/**
 * A realistic article page of a Chinese government CMS, with a hostile payload put in one of three places:
 * the article body (between paragraphs, before the canary paragraph), the page title (<title> and the <h1>), or
 * the metadata (the 来源/作者 line, meta description, og:title, the government ContentSource meta, JSON-LD).
 */

export const PAGE_URL = 'https://www.example.gov.cn/zwgk/tzgg/202403/t20240308_5012345.html';
export const CANARY = '哨兵段落：攻击载荷之后的正文必须保留。';
export const TITLE = '关于做好2024年度全市安全生产工作的通知';

export type PayloadContext = 'body' | 'title' | 'metadata';
export const CONTEXTS: readonly PayloadContext[] = ['body', 'title', 'metadata'];

/** Attribute escaping as a careful CMS template does it. */
const attr = (value: string): string => value.replace(/&/g, '&amp;').replace(/"/g, '&quot;');

/**
 * The page. `payload` goes where `context` says; elsewhere the page is benign. JSON-LD is written the way careless
 * templates write it (JSON.stringify, no escaping of `</script>`), so a payload can break out of it as on real pages.
 */
export function cmsPage(context: PayloadContext, payload: string): string {
  const inTitle = context === 'title' ? payload : '';
  const inMeta = context === 'metadata' ? payload : '';
  const inBody = context === 'body' ? payload : '';
  const source = context === 'metadata' ? payload : '市应急管理局';
  const description = context === 'metadata' ? payload : '为切实做好全市安全生产工作，有效防范和遏制各类生产安全事故，市政府办公室印发通知，部署全年安全生产重点任务。';
  const headline = context === 'metadata' ? payload : TITLE;
  const jsonLd = `{"@context":"https://schema.org","@type":"NewsArticle","headline":${JSON.stringify(headline)},"description":${JSON.stringify(description)},"datePublished":"2024-03-08T09:30:00+08:00","author":{"@type":"Person","name":${JSON.stringify(context === 'metadata' ? payload : '办公室')}}}`;
  return `<!DOCTYPE html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<meta http-equiv="X-UA-Compatible" content="IE=edge">
<title>${TITLE}${inTitle}_通知公告_某某市人民政府</title>
<meta name="ArticleTitle" content="${attr(TITLE + inTitle)}">
<meta name="PubDate" content="2024-03-08 09:30">
<meta name="ContentSource" content="${attr(source)}">
<meta name="SiteName" content="某某市人民政府">
<meta name="ColumnName" content="通知公告">
<meta name="description" content="${attr(description)}">
<meta name="author" content="${attr(inMeta || '办公室')}">
<meta property="og:title" content="${attr(context === 'metadata' ? payload : TITLE)}">
<link rel="stylesheet" href="/css/common.css">
<script type="application/ld+json">${jsonLd}</script>
</head>
<body>
<div class="top">
  <div class="wrap"><a href="/">首页</a> | <a href="/zwgk/">政务公开</a> | <a href="/hdjl/">互动交流</a> | <a href="/bsfw/">办事服务</a></div>
</div>
<div class="position">当前位置：<a href="/">首页</a> &gt; <a href="/zwgk/">政务公开</a> &gt; <a href="/zwgk/tzgg/">通知公告</a></div>
<div class="main">
  <div class="article">
    <h1 class="title">${TITLE}${inTitle}</h1>
    <div class="info">发布时间：2024-03-08 09:30\u3000\u3000来源：${context === 'metadata' ? payload : '市应急管理局'}\u3000\u3000作者：${inMeta || '办公室'}</div>
    <div class="content" id="zoom">
      <p>\u3000\u3000各区县人民政府，市政府各部门，各有关单位：</p>
      <p>\u3000\u3000为切实做好全市安全生产工作，有效防范和遏制各类生产安全事故，保障人民群众生命财产安全，经市政府同意，现就有关事项通知如下。</p>
      <p>\u3000\u3000一、压实安全生产责任。各地各部门要严格落实党政同责、一岗双责、齐抓共管、失职追责，层层压实属地管理责任、部门监管责任和企业主体责任，确保各项措施落到实处。</p>
      ${inBody}
      <p>${CANARY}</p>
      <p>\u3000\u3000二、深入开展隐患排查整治。要聚焦危险化学品、矿山、交通运输、建筑施工、城镇燃气等重点行业领域，全面开展隐患排查，建立问题清单和整改台账，限期整改到位。</p>
      <p>\u3000\u3000三、强化应急值守和信息报送。各单位要严格执行领导带班和二十四小时值班制度，遇有突发情况第一时间报告，不得迟报、漏报、谎报、瞒报。</p>
      <p>\u3000\u3000特此通知。</p>
      <p style="text-align:right">某某市人民政府办公室</p>
      <p style="text-align:right">2024年3月8日</p>
    </div>
    <div class="tools">【<a href="javascript:window.print()">打印本页</a>】【<a href="javascript:window.close()">关闭窗口</a>】</div>
    <div class="pages">
      <p>上一篇：<a href="/zwgk/tzgg/202403/t20240305_5011111.html">关于开展春季森林防火检查的通知</a></p>
      <p>下一篇：<a href="/zwgk/tzgg/202403/t20240311_5012999.html">关于公布第二批市级应急避难场所名单的通知</a></p>
    </div>
  </div>
</div>
<div class="footer">
  <p>主办单位：某某市人民政府办公室\u3000版权所有\u3000网站标识码：1100000001</p>
  <p>ICP备案号：京ICP备05012345号\u3000京公网安备11010502012345号</p>
</div>
<script src="/js/common.js"></script>
</body>
</html>
`;
}

/** Elements whose text the user never sees as text: raw text, inert templates, plugin fallback, foreign content. */
const CONSUMING = new Set([
  'script', 'style', 'textarea', 'title', 'xmp', 'noembed', 'noframes', 'plaintext', 'iframe', 'noscript', 'template',
  'select', 'option', 'object', 'svg', 'math',
]);

/**
 * True when the canary paragraph is ordinary, visible text of the source page itself: a text node (not a comment,
 * not template content) with no consuming ancestor. When it is not, the payload legitimately swallowed it.
 */
export function canaryVisibleInSource(doc: Document): boolean {
  const walker = doc.createTreeWalker(doc.documentElement, 0x4 /* SHOW_TEXT */);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    if (!(node.nodeValue ?? '').includes(CANARY)) continue;
    let consumed = false;
    for (let el = node.parentElement; el; el = el.parentElement) {
      if (CONSUMING.has(el.localName.toLowerCase())) consumed = true;
    }
    if (!consumed) return true;
  }
  return false;
}
