import type { Profile, ProfileDetection } from './profile';

/** 帝国 EmpireCMS: detected by its `/e/` paths; article markup is per theme (cms-zh.md §9). */
export const empirecmsDetection: ProfileDetection = {
  id: 'empirecms',
  signals: [
    { kind: 'asset', pattern: /\/e\/public\/ViewClick\//, weight: 2 },
    { kind: 'asset', pattern: /\/e\/data\/js\//, weight: 1 },
    { kind: 'asset', pattern: /\/e\/(?:member|search|enews|action)\//, weight: 1 },
    { kind: 'meta', pattern: /^generator=empirecms/i, weight: 2 },
    { kind: 'text', pattern: /Powered by EmpireCMS/i, weight: 1 },
  ],
  body: ['#newstext', '.newstext', '.single-content', '.entry-content', '.article-content'],
};

export const empirecms: Profile = {
  ...empirecmsDetection,
  name: '帝国 EmpireCMS',
  // The WordPress-look theme (当代商报): the line "发布日期：… 所属分类：…" and the 版权声明 box "来源：… 时间：… 作者：…"
  // (its first line; the second is 转载请注明). Each field takes the value of its own label.
  fields: {
    publishedTime: ['.single-cat', '.spostinfo li'],
    category: ['.single-cat'],
    source: ['.spostinfo li'],
    author: ['.spostinfo li'],
  },
  // 上一篇 / 下一篇.
  drop: ['.nav-single'],
};
