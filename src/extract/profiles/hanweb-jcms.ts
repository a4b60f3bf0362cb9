import type { Profile, ProfileDetection } from './profile';

/** 大汉 Hanweb JCMS: provincial and municipal government sites, esp. Zhejiang and Jiangsu (cms-zh.md §4). */
export const hanwebJcmsDetection: ProfileDetection = {
  id: 'hanweb-jcms',
  signals: [
    { kind: 'asset', pattern: /\/jcms_files\/jcms\d/, weight: 2 },
    { kind: 'url', pattern: /\/art\/\d{4}\/\d{1,2}\/\d{1,2}\/art_\d+_\d+\.html/, weight: 2 },
    { kind: 'url', pattern: /\/col\/col\d+\//, weight: 1 },
    { kind: 'comment', pattern: /<\$\[(?:标题|信息内容|信息来源|发布日期)\]>/, weight: 2 },
    { kind: 'meta', pattern: /^generator=大汉版通/, weight: 2 },
    { kind: 'meta', pattern: /^author=大汉网络/, weight: 1 },
    { kind: 'asset', pattern: /hanweb\.com|\/module\/jslib\//, weight: 1 },
  ],
  listUrls: [/\/col\/col\d+\/(?:index\.html)?/],
  body: ['#zoom', '.main-txt', '#Zoom'],
  title: ['.con-title', '.main-title', '.title h1'],
};

export const hanwebJcms: Profile = {
  ...hanwebJcmsDetection,
  name: '大汉 JCMS',
  bodyComments: { start: /<\$\[信息内容\]>\s*begin/, end: /<\$\[信息内容\]>\s*end/ },
  metaLines: ['.small-title'],
  drop: ['.main-word'],
};
