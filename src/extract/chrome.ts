/**
 * Page chrome Chinese CMS templates print around (and sometimes inside) an article, recognised by its text:
 * footers (版权所有, ICP备, 公网安备), share bars, 【打印】【关闭】, 字号：大 中 小, 上一篇 / 下一篇, breadcrumbs, QR-code
 * panels, 友情链接 and related-article lists, template placeholders, and widget blocks that print their own
 * 发布时间 stamp.
 */
import { elementsOf } from './dom-safe';
import { foldWidth, squash } from './text';

interface ChromeRule {
  name: string;
  /** Also applied inside the article body (where a false positive costs content). */
  inBody: boolean;
  /** Longest text (characters, whitespace excluded) a block of this kind has. */
  maxLength: number;
  test: (text: string, el: Element) => boolean;
  /** Also a block of several sentences (a template notice is written in sentences, and says nothing else). */
  prose?: boolean;
}

const TOOL_TOKEN =
  /(?:[[(【（]\s*)?(?:打印(?:本页|此页|文章|正文)?|关闭(?:窗口|本页|页面)?|返回(?:顶部|首页|列表|上一页|上页)?|收藏(?:本页|本文)?|加入收藏|字号|字体|[大中小]号?|默认|放大|缩小|视力保护色|我要纠错|纠错|推荐给朋友|保存(?:本页)?|TOP|Top|print|close)(?:\s*[\])】）])?\s*[:：]?/g;
// 分辨率 only beside a browsing hint: a phone review's "2636×1080 分辨率" is text.
const FOOTER = /ICP备|ICP证|公网安备|版权所有|copyright\s*(?:©|\(c\)|\d{4})|©\s*\d{4}|all rights reserved|网站标识码|网站建设\s*[:：]|技术支持\s*[:：]|主办单位\s*[:：]|承办单位\s*[:：]|建议使用.{0,20}浏览器|(?:最佳|建议|浏览|显示器)[^。，,]{0,16}分辨率|分辨率[^。，,]{0,16}(?:浏览|最佳|为佳)/i;
// English words only with a separator after them: "Next year…" and "Share prices…" are sentences, not chrome.
const SHARE = /^(?:分享到|分享至|一键分享|分享本文|分享\s*[:：]|share(?:\s+(?:this|on|to))?\s*[:：])/i;
const PREV_NEXT = /^(?:上一篇|下一篇|上一条|下一条|上一个|下一个|上篇|下篇|(?:prev|next|previous)(?:\s+(?:article|post|story|page))?)\s*[:：»›>]/i;
const PREV_NEXT_WORD = /^(?:上一篇|下一篇|上一条|下一条|上篇|下篇)/;
const BREADCRUMB = /^(?:当前位置|您现在的位置|你现在的位置|您的位置|你的位置|您所在的位置|所在位置|现在位置|位置|your location)\s*[:：]/i;
const QR = /扫二维码|扫一扫|扫描二维码|扫码|scan the qr code|用手机(?:看|打开|浏览)|手机版|微信公众号|关注我们/i;
const LINK_BLOCK = /^(?:友情链接|相关链接|相关阅读|相关文章|相关新闻|相关稿件|相关推荐|为你推荐|精彩推荐|大家都在看|热门阅读|推荐阅读|延伸阅读|热点排行|热门文章|热门推荐|热点推荐|猜你喜欢|最新文章|最新动态|最新新闻|图片新闻|阅读排行|点击排行|更多)/;
/**
 * Size words with no tool word beside them that are not a size switch: a lone 大 or 小, or sizes in a table's cell
 * (a bare switch 大 中 小 has at least two of them, outside tables).
 */
function loneSizes(text: string, el: Element): boolean {
  const words = text.replace(/[\s|/·•丨[\]()【】（）:：]+/g, '');
  return /^[大中小]+$/.test(words) && (new Set(words).size < 2 || el.closest('table') !== null);
}
/** Template placeholders that 300.cn and other builders print when a field is empty. */
export const PLACEHOLDER =
  /^(?:这是描述信息|这里是描述|暂无描述|暂无内容|暂无简介|\(?summary description\)?|【?概要描述】?|描述信息|information|详情|detailed information|资讯详细|logo|tu)$/i;
const STAMP = /(?:发布时间|发布日期|更新时间|时间|日期|time of issue)\s*[:：]\s*(?:19|20)\d{2}[-/.年]\d{1,2}[-/.月]\d{1,2}日?(?:\s*\d{1,2}:\d{2}(?::\d{2})?)?/gi;
/** Sentence ends (global: `match` counts them; a caller that uses `test` resets `lastIndex`). */
export const SENTENCE_END = /[。！？!?]/g;
/** Share and tool links of Western templates, in several languages: a block of nothing else is a share bar. */
const WESTERN_TOOL =
  /\b(?:share(?: (?:this|on|via))?|teilen|udostępnij|partager|compartir|condividi|tweet|twittern?|facebook|x\.com|linkedin|xing|whatsapp|telegram|pinterest|reddit|flipboard|pocket|threads|bluesky|mastodon|messenger|e-?mail|mail|print|drucken|drukuj|imprimer|imprimir|stampa|pdf|copy link|link kopieren|kopiuj link|merken|speichern|zapisz|bookmark|save|feedback|comments?|kommentare?|komentarze?)\b\s*[:|/·•]?/gi;
/** Consent placeholders for embedded content (videos, posts, maps) that did not load. */
const CONSENT =
  /^(?:empfohlener )?externer inhalt\b|^external content\b|externe (?:inhalte|dienste) (?:laden|anzeigen|aktivieren|zulassen)|ich bin (?:damit )?einverstanden, dass (?:mir )?externe|(?:inhalt|video|beitrag) (?:laden|anzeigen)\s*$|zum anzeigen (?:des|der) (?:inhalts|videos|beitrags).{0,80}(?:zustimm|einwillig|aktivier)|(?:accept|allow) (?:cookies|consent) to (?:view|load|see|display)|(?:enable|accept) (?:cookies|javascript) to (?:view|see|watch|load)/i;
/** Cookie banners: the page's consent notice, which a static copy still shows. */
const COOKIE_NOTICE =
  /^(?:(?:datenschutz|privacy) (?:&|und|and) cookies\b|(?:diese|unsere) (?:web)?(?:site|seite) (?:verwendet|nutzt|benutzt) cookies|this (?:web)?site uses cookies|we use cookies|wir (?:verwenden|nutzen) cookies|ta strona (?:używa|wykorzystuje) (?:plików )?cookies?|ce site utilise des cookies|este sitio (?:web )?utiliza cookies)/i;
/** Rating widgets under a post. */
const RATING =
  /^(?:war (?:der|dieser) (?:artikel|beitrag|text) (?:hilfreich|nützlich|interessant)|hier können sie (?:den|diesen) (?:artikel|beitrag) bewerten|wie (?:hat|gefällt) (?:ihnen|dir) (?:der|dieser) (?:artikel|beitrag)|(?:was|is) this (?:article|post|page) (?:helpful|useful)|how useful was this (?:post|article)|rate this (?:article|post)|bewerte(?:n sie)? (?:diesen|den) (?:artikel|beitrag)|\(?noch keine bewertungen\)?|czy (?:ten )?artykuł był pomocny|oceń (?:ten )?artykuł|valora (?:esta|la) (?:noticia|nota)|califica (?:esta|la) (?:noticia|nota))/i;
/** The "posted on … in … bookmark the permalink" line WordPress themes print under a post. */
const POST_META =
  /^(?:this (?:entry|post) was posted|der beitrag wurde am|erstellt am .{6,60} (?:und )?abgelegt unter|dieser (?:beitrag|eintrag) wurde (?:am|in|unter)|ten wpis (?:został|opublikowano)|cette entrée a été publiée|esta entrada fue publicada)/i;
/** Newsletter sign-up boxes. */
const NEWSLETTER =
  /^newsletter\b|^(?:gib|geben sie) (?:deine|ihre) e-?mail-adresse ein\b.{0,80}\b(?:folgen|abonnieren)|^enter your e-?mail address to (?:follow|subscribe)|^(?:schließe dich|schließen sie sich) [\d.]+ (?:anderen )?(?:followern|abonnenten) an|^join [\d,]+ other (?:followers|subscribers)|abonnieren sie (?:jetzt )?(?:kostenlos )?(?:den|die|unseren?) [\w-]*newsletter|(?:want|like) to (?:be informed|stay (?:informed|updated)|receive)\b.{0,60}\bsign up|by e-?mail and never miss|zapraszamy (?:też )?do subskrypcji|(?:newsletter|updates) (?:abonnieren|bestellen|anmelden)|(?:zum|für den|unseren) newsletter an(?:melden)?|(?:subscribe|sign up|signup|register) (?:to|for) (?:our|the) (?:free )?(?:\w+ )?newsletter|zapisz się (?:do|na) newslett?er|inscrivez-vous à (?:notre|la) newsletter|suscríbete a (?:nuestro|la) (?:newsletter|boletín)|^join our (?:free )?newsletter|^sign up to (?:get|receive) (?:the|our)\b|^verpasse (?:keine|nie wieder) (?:news|artikel|beiträge|neuigkeiten)\b|(?:posteingang|postfach) liefern|(?:delivered|sent) (?:straight )?(?:to|into) your inbox/i;

/**
 * Notices of a comment form or thread: the spam-filter line, "log in to comment", "comments are closed", a bare
 * comment count.
 */
const COMMENT_NOTICE =
  /^(?:diese website verwendet akismet|this site uses akismet|(?:du musst|sie müssen|you must) (?:eingeloggt|angemeldet|logged in|signed in)|um .{1,80} kommentieren zu können, (?:müssen sie|musst du) (?:eingeloggt|angemeldet)|(?:sie sind|du bist) (?:aktuell |derzeit |momentan )?nicht (?:eingeloggt|angemeldet)|you are not logged in|(?:die )?kommentare (?:sind )?(?:derzeit )?geschlossen|comments are closed|die kommentarfunktion ist (?:geschlossen|deaktiviert)|(?:kommentare|comments|komentarze)(?: insgesamt)?\s*:?\s*\d+$|\d+ (?:kommentare?|comments?|komentarzy?|komentarze)$|(?:noch )?keine kommentare|no comments(?: yet)?$|brak komentarzy)/i;
/** "Kommentarfeed | Kommentare geschlossen | Trackback-URL": the notice inside a short tools line. */
const COMMENTS_CLOSED = /\b(?:kommentare (?:sind )?(?:derzeit )?geschlossen|comments are closed)\b/i;
/** A question that invites the reader to share the post. */
const SHARE_PROMPT =
  /^(?:(?:möchten sie|möchtest du|willst du) (?:den|diesen) (?:artikel|beitrag) teilen|(?:den |diesen )?(?:artikel|beitrag) (?:mit anderen )?teilen\b|share this (?:article|post|story)\b|udostępnij (?:ten )?(?:artykuł|wpis)\b|(?:artikel|beitrag) gefallen\?.{0,40}\bteilen\b)/i;
/** An appeal for support under a post ("If you enjoyed reading this post – would you consider supporting our work?"). */
const APPEAL =
  /^(?:if you (?:enjoyed|liked|like|enjoy|value) (?:reading )?(?:this|our) (?:post|article|story|work|journalism)\b.{0,80}\b(?:support|donat|subscri)|gefällt (?:dir|ihnen) (?:unser|unsere|dieser|der|die)\b.{0,60}\?.{0,400}\b(?:unterstütz|spende|paywall|bezahlschranke))/i;

/** Paywall notices in place of the rest of the story ("To view the full story, please subscribe…", "Pour lire la suite"). */
const PAYWALL =
  /^(?:to (?:view|read|continue reading|access) (?:the|this) (?:full|entire|whole|rest of the) (?:story|article)\b.{0,60}\bsubscri|subscribe (?:now )?(?:to|for) .{1,60}\b(?:for|to read) the (?:full|whole|entire|rest of the) (?:story|article)|pour lire la suite\b|if you(?:'|’)re seeing this message but you(?:'|’)re already a subscriber|(?:hazte|hágase|hazme) miembro\b|um (?:den|diesen) (?:ganzen |vollständigen )?(?:artikel|beitrag) (?:zu lesen|weiterzulesen)|aby (?:przeczytać|czytać) (?:cały |całość |dalszą część )?(?:artykuł|tekst|artykułu|tekstu))/i;
/** Advertising and affiliate-link disclosures ("Für Links auf dieser Seite erhält … eine Provision", "Advertising disclosure: …"). */
const AD_DISCLOSURE =
  /advertising disclosure\s*:|affiliate[- ]links?\b|(?:dieser|der) (?:beitrag|artikel|post) enthält (?:unbezahlte |bezahlte )?werbung|(?:links?\b.{0,80}\b(?:erhält|erhalten|bekommt|bekommen|verdienen)\b.{0,60}\bprovision|(?:receive|earn)\b.{0,20}\b(?:compensation|commission)\b.{0,40}\blinks?\b|\bprovision erh(?:ält|alten)\b)/i;
/** A source line under a story or a section of it ("Quelle: Landesregierung", "Źródło: ISBnews"). */
const SOURCE_LINE = /^(?:quellen?|źródło|źródła|fuente|fonte)\s*:\s*\S/i;
/** Copyright notices in words other than English (the English ones are footers already). */
const RIGHTS = /^materiał chroniony prawem autorskim|wszelkie prawa zastrzeżone|alle rechte vorbehalten|todos los derechos reservados|tous droits réservés/i;

/** Share of `el`'s text (of `textLength` characters, whitespace excluded) inside links. */
export function linkDensity(el: Element, textLength: number): number {
  if (!textLength) return 0;
  let linked = 0;
  for (const a of el.querySelectorAll('a')) linked += (a.textContent ?? '').replace(/\s+/g, '').length;
  return linked / textLength;
}

const RULES: ChromeRule[] = [
  { name: 'placeholder', inBody: true, maxLength: 30, test: (t) => PLACEHOLDER.test(t) },
  { name: 'footer', inBody: false, maxLength: 400, test: (t) => FOOTER.test(t) },
  { name: 'footer', inBody: true, maxLength: 120, test: (t) => FOOTER.test(t) },
  { name: 'share', inBody: true, maxLength: 80, test: (t) => SHARE.test(t) || /分享到\s*[:：]/.test(t) },
  { name: 'tools', inBody: true, maxLength: 80, test: (t, el) => t.length > 0 && t.replace(TOOL_TOKEN, '').replace(/[\s|/·•丨]+/g, '').length === 0 && /[印闭号体藏错大小]/.test(t) && !loneSizes(t, el) },
  // Counts ("12 Kommentare", "Teilen 34") may sit between the tool words. Two tool words, or one as a link or
  // button: a lone "Facebook" list item in an article is a word, not a bar.
  {
    name: 'tools',
    inBody: true,
    maxLength: 120,
    test: (t, el) =>
      /[a-z]/i.test(t) && t.replace(WESTERN_TOOL, '').replace(/[\s|/·•,\d()]+/g, '').length === 0 && ((t.match(WESTERN_TOOL)?.length ?? 0) >= 2 || el.matches('a, button') || el.querySelector('a, button') !== null),
  },
  { name: 'consent', inBody: true, maxLength: 600, test: (t) => CONSENT.test(t) },
  { name: 'cookie-notice', inBody: true, maxLength: 600, test: (t) => COOKIE_NOTICE.test(t), prose: true },
  { name: 'newsletter', inBody: true, maxLength: 400, test: (t) => NEWSLETTER.test(t) },
  { name: 'rating', inBody: true, maxLength: 200, test: (t) => RATING.test(t) },
  { name: 'paywall', inBody: true, maxLength: 300, test: (t) => PAYWALL.test(t), prose: true },
  { name: 'ad-disclosure', inBody: true, maxLength: 300, test: (t) => AD_DISCLOSURE.test(t), prose: true },
  { name: 'source-line', inBody: true, maxLength: 100, test: (t) => SOURCE_LINE.test(t) },
  { name: 'footer', inBody: true, maxLength: 300, test: (t) => RIGHTS.test(t), prose: true },
  { name: 'post-meta', inBody: true, maxLength: 400, test: (t) => POST_META.test(t), prose: true },
  { name: 'comment-notice', inBody: true, maxLength: 300, test: (t) => COMMENT_NOTICE.test(t) || (t.length <= 80 && COMMENTS_CLOSED.test(t)), prose: true },
  { name: 'share', inBody: true, maxLength: 80, test: (t) => SHARE_PROMPT.test(t) },
  { name: 'appeal', inBody: true, maxLength: 600, test: (t) => APPEAL.test(t), prose: true },
  {
    name: 'prev-next',
    inBody: true,
    maxLength: 200,
    // "上一篇：…" with a separator, or 上一篇 / 下一篇 in front of a link; not a sentence that starts "上一个阶段".
    test: (t, el) => PREV_NEXT.test(t) || (PREV_NEXT_WORD.test(t) && el.querySelector('a') !== null) || /(?:^|\s)(?:上一篇|下一篇|上一条|下一条)\s*[:：]/.test(t),
  },
  { name: 'breadcrumb', inBody: true, maxLength: 200, test: (t) => BREADCRUMB.test(t) },
  { name: 'breadcrumb', inBody: false, maxLength: 150, test: (t, el) => /crumb|weizhi|mianbao|location|position|daohang/i.test(`${el.getAttribute('class') ?? ''} ${el.id}`) && /首页|主页|>|»|＞/.test(t) },
  { name: 'qr', inBody: false, maxLength: 60, test: (t) => QR.test(t) },
  { name: 'qr', inBody: true, maxLength: 24, test: (t) => QR.test(t) },
  { name: 'link-block', inBody: true, maxLength: 3000, test: (t, el) => LINK_BLOCK.test(t) && linkDensity(el, t.replace(/\s+/g, '').length) > 0.4 },
  // The heading of such a list, left behind when the list itself went.
  { name: 'link-block', inBody: true, maxLength: 8, test: (t) => LINK_BLOCK.test(t) && /^[^\s]{2,6}\s*[:：>»+]*\s*$/.test(t) },
  {
    name: 'widget-stamp',
    inBody: false,
    maxLength: 80,
    test: (t) => {
      const rest = t.replace(STAMP, '');
      return rest !== t && rest.replace(/\s+/g, '').length <= 40 && !/来源|作者|source|origin|author/i.test(rest);
    },
  },
];

/** The chrome rule a block of text falls under, if any. `text` is width-folded and squashed. */
export function chromeKind(text: string, el: Element, inBody = false): string | null {
  const length = text.replace(/\s+/g, '').length;
  // Blocks with sentences are content, whatever words they contain (template notices aside).
  const prose = (text.match(SENTENCE_END)?.length ?? 0) >= 2 && length > 60;
  for (const rule of RULES) {
    if ((rule.inBody || !inBody) && (!prose || rule.prose) && length <= rule.maxLength && rule.test(text, el)) return rule.name;
  }
  return null;
}

/** Code points `\s` matches (ECMAScript WhiteSpace and LineTerminator). */
function isJsSpace(code: number): boolean {
  return (
    (code >= 0x09 && code <= 0x0d) || code === 0x20 || code === 0xa0 || code === 0x1680 || (code >= 0x2000 && code <= 0x200a) ||
    code === 0x2028 || code === 0x2029 || code === 0x202f || code === 0x205f || code === 0x3000 || code === 0xfeff
  );
}

/** `text.replace(/\s+/g, '').length`, counted without building the string (called on every text node of the page). */
function nonSpaceLength(text: string): number {
  let length = text.length;
  for (let i = 0; i < text.length; i++) if (isJsSpace(text.charCodeAt(i))) length--;
  return length;
}

/** Element text and element counts of every subtree, computed once bottom-up (the page may be huge). */
function measure(all: Element[]): Map<Element, { length: number; count: number }> {
  const sizes = new Map<Element, { length: number; count: number }>();
  for (let i = all.length - 1; i >= 0; i--) {
    const el = all[i]!;
    let length = 0;
    let count = 1;
    for (let child = el.firstChild; child; child = child.nextSibling) {
      if (child.nodeType === 3) length += nonSpaceLength(child.nodeValue ?? '');
      else if (child.nodeType === 1) {
        const s = sizes.get(child as Element);
        if (s) {
          length += s.length;
          count += s.count;
        }
      }
    }
    sizes.set(el, { length, count });
  }
  return sizes;
}

/**
 * Words one of which every text rule needs (the breadcrumb rule by class name aside): elements without any in
 * their text are not chrome candidates, so the costly text of most elements is never assembled.
 */
const TRIGGER =
  /^\s*[[【(（]?[大中小][\]】)）]?\s*$|ICP|公网安|版权|copyright|©|rights|标识码|网站建设|技术支持|主办|承办|浏览器|分辨率|分享|share|打印|关闭|返回|收藏|字号|字体|放大|缩小|保护色|纠错|保存|print|close|top|上一|下一|上篇|下篇|prev|next|位置|location|二维码|扫一扫|扫码|scan|手机|微信|关注|友情|相关|推荐|延伸|热点|热门|猜你|最新|图片新闻|排行|更多|描述|summary|概要|information|详情|资讯|logo|^\s*tu\s*$|时间|日期|time of issue|teilen|udostępnij|partager|compartir|condividi|tweet|facebook|linkedin|xing|whatsapp|telegram|pinterest|reddit|flipboard|pocket|mail|drucken|drukuj|imprim|stampa|pdf|merken|speichern|zapisz|bookmark|feedback|comment|kommentar|kommentier|follower|abonnenten|subscribers|komentarz|akismet|eingeloggt|angemeldet|logged in|signed in|subskryp|enjoyed|gefällt|extern|einverstanden|cookie|consent|newsletter|subscribe|sign up|verpasse|hilfreich|nützlich|helpful|useful|rate this|bewert|pomocny|oceń|posted|wurde am|wurde in|wurde unter|wpis|publiée|publicada|lire la suite|miembro|weiterzulesen|zu lesen|przeczytać|czytać|disclosure|affiliate|provision|compensation|commission|werbung|quelle|źródł|fuente|fonte|chroniony|zastrzeżone|vorbehalten|reservados|réservés|gefallen|valora|califica|posteingang|postfach|inbox/i;
const CRUMB_NAME = /crumb|weizhi|mianbao|location|position|daohang/i;
/** Class or id of the "about the author" box under Western posts. */
const AUTHOR_BOX = /author-?(?:bio|box|info|description|details|profile|card)|about-?(?:the-?)?author|entry-author|autorenbox|autor-?(?:box|info)/i;
const MAX_AUTHOR_BOX = 1200;

/** Elements with a trigger word somewhere in their text: the ancestors of the text nodes that carry one. */
function candidates(root: Element): Set<Element> {
  const found = new Set<Element>();
  const walker = root.ownerDocument.createTreeWalker(root, 0x4 /* SHOW_TEXT */);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    if (!TRIGGER.test(node.nodeValue ?? '')) continue;
    for (let el = node.parentElement; el && !found.has(el); el = el === root ? null : el.parentElement) found.add(el);
  }
  return found;
}

const MAX_BLOCK_LENGTH = 3000;
const MAX_BLOCK_ELEMENTS = 400;

export interface ChromeScope {
  /** Elements that stay, with their ancestors (the headline, the body container). */
  protect?: readonly (Element | null)[];
  /** A subtree left alone (the body container, cleaned later with the body rules). */
  skip?: Element | null;
  /** `body`: only the rules that are safe inside an article's text. */
  mode?: 'page' | 'body';
}

/** Removes chrome blocks under `root`, outermost first. Returns what was removed, by rule, for diagnostics. */
export function removeChrome(root: Element, scope: ChromeScope = {}): Record<string, number> {
  const guarded = new Set<Element>();
  for (const el of scope.protect ?? []) {
    for (let cur: Element | null = el; cur; cur = cur.parentElement) guarded.add(cur);
  }
  const inBody = scope.mode === 'body';
  // One list for both passes (a tag-only query is several times slower in jsdom).
  const all = [root, ...elementsOf(root.getElementsByTagName('*'))];
  const sizes = measure(all);
  const triggered = candidates(root);
  const removed: Record<string, number> = {};
  let passed: Element | null = null;
  for (let i = 1; i < all.length; i++) {
    const el = all[i]!;
    // Document order: the descendants of a removed or skipped element follow it directly.
    if (passed?.contains(el)) continue;
    if (el === scope.skip) {
      passed = el;
      continue;
    }
    if (guarded.has(el) || /^(?:HTML|HEAD|BODY|TITLE|META|LINK|SCRIPT|STYLE|IMG|BR|HR|TABLE|TBODY|THEAD)$/.test(el.tagName)) continue;
    const name = inBody ? '' : `${el.getAttribute('class') ?? ''} ${el.id}`;
    const size = sizes.get(el);
    if (!size || size.length > MAX_BLOCK_LENGTH || size.count > MAX_BLOCK_ELEMENTS) continue;
    // An author box is known by its name, whatever the biography says (Readability drops class names later).
    if (AUTHOR_BOX.test(name) && size.length <= MAX_AUTHOR_BOX) {
      el.remove();
      passed = el;
      removed['author-box'] = (removed['author-box'] ?? 0) + 1;
      continue;
    }
    if (!triggered.has(el) && !CRUMB_NAME.test(name)) continue;
    const text = squash(foldWidth(el.textContent ?? ''));
    const kind = chromeKind(text, el, inBody);
    if (!kind) continue;
    el.remove();
    passed = el;
    removed[kind] = (removed[kind] ?? 0) + 1;
  }
  return removed;
}
