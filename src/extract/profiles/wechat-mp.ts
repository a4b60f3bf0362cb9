import type { Profile, ProfileDetection } from './profile';

/** WeChat public-account articles, mp.weixin.qq.com (cms-zh.md §12). */
export const wechatMpDetection: ProfileDetection = {
  id: 'wechat-mp',
  signals: [
    { kind: 'url', pattern: /^https?:\/\/mp\.weixin\.qq\.com\//, weight: 2 },
    { kind: 'selector', pattern: '#js_content, .rich_media_content', weight: 1 },
    { kind: 'selector', pattern: '#activity-name, .rich_media_title', weight: 1 },
    { kind: 'script', pattern: /\bvar\s+(?:msg_title|nickname|ct|appmsgid)\s*=/, weight: 1 },
    { kind: 'asset', pattern: /res\.wx\.qq\.com|mmbiz\.q(?:pic|logo)\.cn/, weight: 1 },
  ],
  body: ['#js_content', '.rich_media_content'],
  title: ['#activity-name', '.rich_media_title'],
};

export const wechatMp: Profile = {
  ...wechatMpDetection,
  name: '微信公众号',
  fields: {
    source: ['#js_name', '.rich_media_meta_nickname'],
    // The 2018 layout has no id on the author slot: the plain meta text between the date and the account name.
    author: ['#js_author_name', '.rich_media_meta_text.rich_media_meta_author', '#meta_content > .rich_media_meta_text:not([id]):not(.rich_media_meta_nickname)'],
  },
  // The account name stands in for a source: a 来源 credit in the text ("（来源：新华社）") names the real one.
  weakFields: ['source'],
  scriptFields: [
    { field: 'title', pattern: /\bvar\s+msg_title\s*=\s*(?:'|")([^'"]+)/ },
    { field: 'source', pattern: /\bvar\s+nickname\s*=\s*(?:htmlDecode\()?\s*(?:'|")([^'"]+)/ },
    { field: 'publishedTime', pattern: /\bvar\s+ct\s*=\s*(?:'|")?(\d{9,11})/, kind: 'unix' },
  ],
  drop: [
    '#js_pc_qr_code',
    '#js_profile_qrcode',
    '#js_sponsor_ad_area',
    '#js_toobar3',
    '#js_read_area3',
    '.rich_media_tool',
    '.rich_media_area_extra',
    '#js_tags',
  ],
  // Live pages ship the body with `visibility: hidden` and reveal it by script.
  keepVisible: ['#js_content', '.rich_media_content'],
};
