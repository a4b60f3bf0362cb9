import type { Profile, ProfileDetection } from './profile';

/** 中企动力 300.cn, generation B: the OMO "portal-saas" builder (cms-zh.md §1, generation B). */
export const zhongqiOmoDetection: ProfileDetection = {
  id: 'zhongqi-omo',
  signals: [
    { kind: 'asset', pattern: /thefastimg\.com\//, weight: 2 },
    { kind: 'selector', pattern: '[id^="c_static_001"], [id^="c_banner_0"], [id^="c_product_detail_"]', weight: 1 },
    { kind: 'selector', pattern: '[class*="e_richText-"]', weight: 1 },
    { kind: 'selector', pattern: 'input[name="propJson"]', weight: 1 },
    { kind: 'selector', pattern: '[needjs="true"]', weight: 1 },
    { kind: 'script', pattern: /\/fwebapi\//, weight: 1 },
  ],
  body: ['[class*="e_richText-"]'],
  title: ['h1[class*="e_h1-"]', '[class*="e_h1-"]'],
};

export const zhongqiOmo: Profile = {
  ...zhongqiOmoDetection,
  name: '中企动力 OMO',
  fields: {
    publishedTime: ['[class*="e_timeFormat-"]'],
  },
  // Banner blocks (c_banner_008_P_312-…) never hold the article; a block holding the headline is never dropped.
  drop: ['input[name="propJson"]', '[class*="e_breadcrumb-"]', '[class*="e_loop-"]', '[id^="c_banner_"]'],
};
