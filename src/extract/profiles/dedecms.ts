import type { Profile, ProfileDetection } from './profile';

/** 织梦 DedeCMS: detected by `/plus/` and `/templets/` paths; article markup is per theme (cms-zh.md §7). */
export const dedecmsDetection: ProfileDetection = {
  id: 'dedecms',
  signals: [
    { kind: 'asset', pattern: /\/plus\/count\.php/, weight: 2 },
    { kind: 'asset', pattern: /\/plus\/(?:search|list|view|feedback)\.php/, weight: 1 },
    { kind: 'asset', pattern: /\/templets\//, weight: 1 },
    { kind: 'asset', pattern: /dedeajax2?\.js|dedecms\.css/, weight: 1 },
    { kind: 'selector', pattern: '[name="dede_fields"]', weight: 1 },
    { kind: 'text', pattern: /Powere?d? by DedeCms/i, weight: 1 },
  ],
  listUrls: [/\/plus\/(?:search|list)\.php/, /\/list_\d+(?:_\d+)?\.html?(?:[?#]|$)/],
  // The default template's pager, on a page without its article box (an article split over pages has one too).
  listTemplates: { components: ['.dede_pages', 'ul.pagelist'], unless: ['.viewbox', '.newsview', '.art_content', '.article_content'] },
  body: ['.viewbox .content', '.newsview .content', '.art_content', '.article_content', '.content'],
  title: ['.viewbox .title h2', '.title h2', '.title h1'],
};

export const dedecms: Profile = {
  ...dedecmsDetection,
  name: '织梦 DedeCMS',
  metaLines: ['.viewbox .info', '.info'],
};
