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
  drop: ['.article-infos-func'],
};
