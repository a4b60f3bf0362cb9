import type { Profile, ProfileDetection } from './profile';

/** 苏迪 SudyTech WebPlus Pro: many universities; owner of `wp_articlecontent` (cms-zh.md §6). */
export const sudyWebplusDetection: ProfileDetection = {
  id: 'sudy-webplus',
  signals: [
    { kind: 'asset', pattern: /\/_js\/_portletPlugs\//, weight: 2 },
    { kind: 'asset', pattern: /\/_css\/_system\/system\.css|\/_upload\/(?:tpl|article|site)\//, weight: 1 },
    { kind: 'selector', pattern: '[sudy-wp-context], [sudy-wp-siteid]', weight: 2 },
    { kind: 'selector', pattern: '.wp_articlecontent', weight: 2 },
    { kind: 'selector', pattern: '[frag^="窗口"], [frag^="面板"]', weight: 1 },
    { kind: 'url', pattern: /\/c\d+a\d+\/page\.htm/, weight: 1 },
  ],
  listUrls: [/\/\d+\/list\d*\.htm/, /\/_web\/(?:_)?search\//],
  body: ['.wp_articlecontent'],
  // The article list and its pager components, on a page without the article body.
  listTemplates: { components: ['.wp_article_list', '[id^="wp_paging_"]', '.wp_paging'], unless: ['.wp_articlecontent'] },
  title: ['h1.arti-title', '.arti_title', '.arti-title', '.item_title'],
};

export const sudyWebplus: Profile = {
  ...sudyWebplusDetection,
  name: '苏迪 WebPlus',
  fields: {
    publishedTime: ['.arti-update', '.arti_update'],
  },
  metaLines: ['.arti-metas', '.arti_metas', '.item_info'],
  drop: ['.read-setting'],
};
