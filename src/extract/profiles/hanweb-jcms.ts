import type { Profile } from './profile';

/** 大汉 Hanweb JCMS: provincial and municipal government sites, esp. Zhejiang and Jiangsu (cms-zh.md §4). */
export const hanwebJcms: Profile = {
  id: 'hanweb-jcms',
  name: '大汉 JCMS',
  signals: [
    { kind: 'asset', pattern: /\/jcms_files\/jcms\d/, weight: 2 },
    { kind: 'url', pattern: /\/art\/\d{4}\/\d{1,2}\/\d{1,2}\/art_\d+_\d+\.html/, weight: 2 },
    { kind: 'url', pattern: /\/col\/col\d+\//, weight: 1 },
    { kind: 'comment', pattern: /<\$\[(?:标题|信息内容|信息来源|发布日期)\]>/, weight: 2 },
    { kind: 'meta', pattern: /^generator=大汉版通/, weight: 2 },
    { kind: 'meta', pattern: /^author=大汉网络/, weight: 1 },
    { kind: 'asset', pattern: /hanweb\.com|\/module\/jslib\//, weight: 1 },
  ],
  articleUrls: [/\/art\/\d{4}\/\d{1,2}\/\d{1,2}\/art_\d+_\d+\.html/],
  listUrls: [/\/col\/col\d+\/(?:index\.html)?/],
  bodyComments: { start: /<\$\[信息内容\]>\s*begin/, end: /<\$\[信息内容\]>\s*end/ },
  body: ['#zoom', '.main-txt', '#Zoom'],
  fields: {
    title: ['.con-title', '.main-title', '.title h1'],
  },
  metaLines: ['.small-title'],
  drop: ['.main-word'],
};
