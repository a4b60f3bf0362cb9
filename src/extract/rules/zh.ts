/**
 * Chrome of Chinese CMS templates (cms-zh.md, "chrome to drop"): footers (版权所有, ICP备, 公网安备), share bars,
 * 【打印】【关闭】, 字号：大 中 小, 上一篇 / 下一篇, breadcrumbs, QR-code panels, 友情链接 and related-article lists,
 * template placeholders, and widget blocks that print their own 发布时间 stamp.
 */
import { anyOf, linkDensity, type RulePack } from './rule';

const TOOL_TOKEN =
  /(?:[[(【（]\s*)?(?:打印(?:本页|此页|文章|正文)?|关闭(?:窗口|本页|页面)?|返回(?:顶部|首页|列表|上一页|上页)?|收藏(?:本页|本文)?|加入收藏|字号|字体|[大中小]号?|默认|放大|缩小|视力保护色|我要纠错|纠错|推荐给朋友|保存(?:本页)?|TOP|Top|print|close)(?:\s*[\])】）])?\s*[:：]?/g;
const FOOTER = anyOf([
  'ICP备',
  'ICP证',
  '公网安备',
  '版权所有',
  'copyright\\s*(?:©|\\(c\\)|\\d{4})',
  '©\\s*\\d{4}',
  'all rights reserved',
  '网站标识码',
  '网站建设\\s*[:：]',
  '技术支持\\s*[:：]',
  '主办单位\\s*[:：]',
  '承办单位\\s*[:：]',
  '建议使用.{0,20}浏览器',
  // 分辨率 only beside a browsing hint: a phone review's "2636×1080 分辨率" is text.
  '(?:最佳|建议|浏览|显示器)[^。，,]{0,16}分辨率',
  '分辨率[^。，,]{0,16}(?:浏览|最佳|为佳)',
]);
// English words only with a separator after them: "Next year…" and "Share prices…" are sentences, not chrome.
const SHARE = /^(?:分享到|分享至|一键分享|分享本文|分享\s*[:：]|share(?:\s+(?:this|on|to))?\s*[:：])/i;
const PREV_NEXT = /^(?:上一篇|下一篇|上一条|下一条|上一个|下一个|上篇|下篇|(?:prev|next|previous)(?:\s+(?:article|post|story|page))?)\s*[:：»›>]/i;
const PREV_NEXT_WORD = /^(?:上一篇|下一篇|上一条|下一条|上篇|下篇)/;
const BREADCRUMB = /^(?:当前位置|您现在的位置|你现在的位置|您的位置|你的位置|您所在的位置|所在位置|现在位置|位置|your location)\s*[:：]/i;
/** Class names of breadcrumb bars (位置 in pinyin among them). */
export const CRUMB_NAME = /crumb|weizhi|mianbao|location|position|daohang/i;
const QR = /扫二维码|扫一扫|扫描二维码|扫码|scan the qr code|用手机(?:看|打开|浏览)|手机版|微信公众号|关注我们/i;
const LINK_BLOCK_WORDS = [
  '友情链接', '相关链接', '相关阅读', '相关文章', '相关新闻', '相关稿件', '相关推荐', '为你推荐', '精彩推荐', '大家都在看', '热门阅读', '推荐阅读',
  '延伸阅读', '热点排行', '热门文章', '热门推荐', '热点推荐', '猜你喜欢', '最新文章', '最新动态', '最新新闻', '图片新闻', '阅读排行', '点击排行', '更多',
];
const LINK_BLOCK = anyOf(LINK_BLOCK_WORDS, { start: true });
/** Template placeholders that 300.cn and other builders print when a field is empty. */
export const PLACEHOLDER =
  /^(?:这是描述信息|这里是描述|暂无描述|暂无内容|暂无简介|\(?summary description\)?|【?概要描述】?|描述信息|information|详情|detailed information|资讯详细|logo|tu)$/i;
const STAMP = /(?:发布时间|发布日期|更新时间|时间|日期|time of issue)\s*[:：]\s*(?:19|20)\d{2}[-/.年]\d{1,2}[-/.月]\d{1,2}日?(?:\s*\d{1,2}:\d{2}(?::\d{2})?)?/gi;

/**
 * Size words with no tool word beside them that are not a size switch: a lone 大 or 小, or sizes in a table's cell
 * (a bare switch 大 中 小 has at least two of them, outside tables).
 */
function loneSizes(text: string, el: Element): boolean {
  const words = text.replace(/[\s|/·•丨[\]()【】（）:：]+/g, '');
  return /^[大中小]+$/.test(words) && (new Set(words).size < 2 || el.closest('table') !== null);
}

export const ZH: RulePack = {
  language: 'zh',
  rules: [
    {
      name: 'placeholder',
      inBody: true,
      maxLength: 30,
      trigger: /描述|summary|概要|information|详情|资讯|logo|^\s*tu\s*$/i,
      test: (t) => PLACEHOLDER.test(t),
      examples: { remove: ['这是描述信息', '(Summary description)', '【概要描述】'], keep: ['详情请见附件'] },
    },
    {
      name: 'footer',
      inBody: false,
      maxLength: 400,
      trigger: /ICP|公网安|版权|copyright|©|rights|标识码|网站建设|技术支持|主办|承办|浏览器|分辨率/i,
      test: (t) => FOOTER.test(t),
      examples: {
        remove: ['版权所有：天津市某某研究院 津ICP备12345678号-1', '主办单位：某某市人民政府办公室 网站标识码：1201000001', '建议使用1920×1080分辨率浏览'],
        keep: ['这款手机屏幕采用2636×1080分辨率，显示细腻。'],
      },
    },
    {
      name: 'footer',
      inBody: true,
      maxLength: 120,
      trigger: /ICP|公网安|版权|copyright|©|rights|标识码|网站建设|技术支持|主办|承办|浏览器|分辨率/i,
      test: (t) => FOOTER.test(t),
      examples: { remove: ['Copyright © 2024 某某公司 All Rights Reserved'], keep: ['会议讨论了版权保护工作的新情况。'] },
    },
    {
      name: 'share',
      inBody: true,
      maxLength: 80,
      trigger: /分享|share/i,
      test: (t) => SHARE.test(t) || /分享到\s*[:：]/.test(t),
      examples: { remove: ['分享到：', '一键分享 微信 微博 QQ空间'], keep: ['Share prices rose after the announcement.', '他分享了自己的经验'] },
    },
    {
      name: 'tools',
      inBody: true,
      maxLength: 80,
      trigger: /^\s*[[【(（]?[大中小][\]】)）]?\s*$|打印|关闭|返回|收藏|字号|字体|放大|缩小|保护色|纠错|保存|推荐给朋友|默认|print|close|top/i,
      test: (t, el) => t.length > 0 && t.replace(TOOL_TOKEN, '').replace(/[\s|/·•丨]+/g, '').length === 0 && /[印闭号体藏错大小]/.test(t) && !loneSizes(t, el),
      examples: { remove: ['【打印本页】【关闭窗口】', '字号：大 中 小', '【加入收藏】【打印】【关闭】'], keep: ['大', '请关闭电源后再打印文件。'] },
    },
    {
      name: 'prev-next',
      inBody: true,
      maxLength: 200,
      trigger: /上一|下一|上篇|下篇|prev|next/i,
      // "上一篇：…" with a separator, or 上一篇 / 下一篇 in front of a link; not a sentence that starts "上一个阶段".
      test: (t, el) => PREV_NEXT.test(t) || (PREV_NEXT_WORD.test(t) && el.querySelector('a') !== null) || /(?:^|\s)(?:上一篇|下一篇|上一条|下一条)\s*[:：]/.test(t),
      examples: { remove: ['上一篇：关于开展安全检查的通知 下一篇：没有了'], keep: ['上一个阶段的工作取得了明显成效。'] },
    },
    {
      name: 'breadcrumb',
      inBody: true,
      maxLength: 200,
      trigger: /位置|location/i,
      test: (t) => BREADCRUMB.test(t),
      examples: { remove: ['当前位置：首页 > 新闻中心 > 通知公告'], keep: ['项目所在位置交通便利。'] },
    },
    {
      name: 'breadcrumb',
      inBody: false,
      maxLength: 150,
      trigger: /首页|主页|>|»|＞/,
      test: (t, el) => CRUMB_NAME.test(`${el.getAttribute('class') ?? ''} ${el.id}`) && /首页|主页|>|»|＞/.test(t),
      examples: { remove: ['<div class="crumbs"><a href="/">首页</a> &gt; <a href="/xwzx/">新闻中心</a></div>'], keep: ['<div class="location">项目位于市中心，交通便利。</div>'] },
    },
    {
      name: 'qr',
      inBody: false,
      maxLength: 60,
      trigger: /二维码|扫一扫|扫码|scan|手机|微信|关注/i,
      test: (t) => QR.test(t),
      examples: { remove: ['扫一扫在手机打开当前页', '关注我们 微信公众号'], keep: ['已有三千多名用户通过手机银行办理了这项业务，今后还将继续扩大服务范围，方便群众就近办理。'] },
    },
    {
      name: 'qr',
      inBody: true,
      maxLength: 24,
      trigger: /二维码|扫一扫|扫码|scan|手机|微信|关注/i,
      test: (t) => QR.test(t),
      examples: { remove: ['扫描二维码 手机版'], keep: ['微信支付已覆盖全市各公交线路。'] },
    },
    {
      name: 'link-block',
      inBody: true,
      maxLength: 3000,
      trigger: anyOf(LINK_BLOCK_WORDS),
      test: (t, el) => LINK_BLOCK.test(t) && linkDensity(el, t.replace(/\s+/g, '').length) > 0.4,
      examples: { remove: ['<div><a>相关阅读</a> <a href="/a/1.html">市政府研究部署安全生产工作</a> <a href="/a/2.html">全市防汛工作会议召开</a></div>'], keep: ['更多的居民参与到社区治理中来，推动了社区的发展。'] },
    },
    {
      // The heading of such a list, left behind when the list itself went.
      name: 'link-block',
      inBody: true,
      maxLength: 8,
      trigger: anyOf(LINK_BLOCK_WORDS),
      test: (t) => LINK_BLOCK.test(t) && /^[^\s]{2,6}\s*[:：>»+]*\s*$/.test(t),
      examples: { remove: ['相关阅读：', '大家都在看'], keep: ['更多的居民参与进来。'] },
    },
    {
      name: 'widget-stamp',
      inBody: false,
      maxLength: 80,
      trigger: /时间|日期|time of issue/i,
      test: (t) => {
        const rest = t.replace(STAMP, '');
        return rest !== t && rest.replace(/\s+/g, '').length <= 40 && !/来源|作者|source|origin|author/i.test(rest);
      },
      examples: { remove: ['发布时间:2021-07-29 14:20:45', 'Time of issue: 2021-07-29'], keep: ['发布时间：2024-01-20 来源：天津日报'] },
    },
  ],
};
