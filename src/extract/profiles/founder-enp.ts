import type { Profile } from './profile';

/** 方正 Founder ENP: newspaper groups (gmw.cn and others); metadata in an `enpproperty` comment (cms-zh.md §10). */
export const founderEnp: Profile = {
  id: 'founder-enp',
  name: '方正 ENP',
  signals: [
    { kind: 'comment', pattern: /^\s*enpproperty/, weight: 2 },
    { kind: 'comment', pattern: /^\s*\/?enpcontent\s*$/, weight: 2 },
    { kind: 'meta', pattern: /^(?:filetype|publishedtype|pagetype)=/, weight: 1 },
  ],
  bodyComments: { start: /^\s*enpcontent\s*$/, end: /^\s*\/enpcontent\s*$/ },
  body: ['#contentMain', '#rwb_zw', '.box_con'],
  fields: {
    title: ['h1#articleTitle', '#articleTitle'],
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
