import type { Profile, ProfileDetection } from './profile';

/** PHPCMS v9: detected by its `api.php?op=count` counter and `/statics/` assets (cms-zh.md §8). */
export const phpcmsDetection: ProfileDetection = {
  id: 'phpcms',
  signals: [
    { kind: 'asset', pattern: /api\.php\?op=count/, weight: 2 },
    { kind: 'asset', pattern: /\/statics\/(?:js|css|images)\//, weight: 1 },
    { kind: 'asset', pattern: /index\.php\?m=(?:content|search)/, weight: 1 },
    { kind: 'asset', pattern: /phpcms\.cn/, weight: 1 },
    { kind: 'url', pattern: /\/show-\d+-\d+-\d+\.html|\/html\/\d{4}\/[^/]+_\d{4}\/\d+\.html/, weight: 1 },
  ],
  listUrls: [/index\.php\?m=search/, /\/list-\d+-\d+\.html/],
  body: ['.acontent', '#article', '.content'],
};

export const phpcms: Profile = {
  ...phpcmsDetection,
  name: 'PHPCMS',
};
