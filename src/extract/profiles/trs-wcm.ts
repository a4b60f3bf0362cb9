import type { Profile, ProfileDetection } from './profile';

/** 拓尔思 TRS WCM: most ministries, provinces and news groups (cms-zh.md §2–3). */
export const trsWcmDetection: ProfileDetection = {
  id: 'trs-wcm',
  signals: [
    { kind: 'selector', pattern: '.TRS_Editor, .TRS_UEDITOR', weight: 2 },
    { kind: 'url', pattern: /\/t\d{8}_\d+\.s?html?(?:[?#]|$)/, weight: 1 },
    { kind: 'selector', pattern: 'meta[name="ContentStart" i], #UCAP-CONTENT', weight: 1 },
    { kind: 'asset', pattern: /\/wcm\/|trs_favicon|trs\.com\.cn/i, weight: 1 },
    { kind: 'asset', pattern: /\/W0\d{10,}\w*\.(?:jpe?g|png|gif|pdf|docx?|xlsx?)/, weight: 1 },
  ],
  body: ['.TRS_Editor', '.TRS_UEDITOR', '#UCAP-CONTENT'],
};

export const trsWcm: Profile = {
  ...trsWcmDetection,
  name: '拓尔思 TRS WCM',
  // Here, not in the detection part: the detector script is at its size limit (its tooltip falls back to the h1).
  title: ['.article-title'],
  // One line for both (shanxi.gov.cn): <li class="article-infos-source"><span><i>时间：</i>…</span><span><i>来源：</i>…</span>;
  // each field takes the value of its own label.
  fields: {
    publishedTime: ['li.article-infos-source'],
    source: ['li.article-infos-source'],
  },
  // The tool row beside it: 打印, 字体 放大/缩小, 分享.
  drop: ['.article-infos-func'],
};
