import type { Profile, ProfileDetection } from './profile';

/** 方正 Founder ENP: newspaper groups (gmw.cn and others); metadata in an `enpproperty` comment (cms-zh.md §10). */
export const founderEnpDetection: ProfileDetection = {
  id: 'founder-enp',
  signals: [
    { kind: 'comment', pattern: /^\s*enpproperty/, weight: 2 },
    { kind: 'comment', pattern: /^\s*\/?enpcontent\s*$/, weight: 2 },
    { kind: 'meta', pattern: /^(?:filetype|publishedtype|pagetype)=/, weight: 1 },
  ],
  body: ['#contentMain', '#rwb_zw', '.box_con'],
  title: ['h1#articleTitle', '#articleTitle'],
};

export const founderEnp: Profile = {
  ...founderEnpDetection,
  name: '方正 ENP',
  bodyComments: { start: /^\s*enpcontent\s*$/, end: /^\s*\/enpcontent\s*$/ },
  fields: {
    publishedTime: ['#pubTime', '#pubtime'],
    source: ['#source'],
    author: ['#author'],
    editor: ['#editor'],
  },
  commentFields: [
    { field: 'title', pattern: /<title>([^<]+)<\/title>/ },
    { field: 'publishedTime', pattern: /<date>([^<]+)<\/date>/ },
    { field: 'category', pattern: /<nodename>([^<]+)<\/nodename>/ },
  ],
};
