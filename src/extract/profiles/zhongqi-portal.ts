import type { Profile, ProfileDetection } from './profile';

/** 中企动力 300.cn, generation A: the legacy "portal" / 云建站 builder (cms-zh.md §1.1–1.7). */
export const zhongqiPortalDetection: ProfileDetection = {
  id: 'zhongqi-portal',
  signals: [
    { kind: 'selector', pattern: '[id^="c_portalRes"]', weight: 2 },
    { kind: 'selector', pattern: 'div[id^="w_grid-"].w_grid-000', weight: 1 },
    { kind: 'selector', pattern: '[data-ename="资讯详细描述"], [data-ename="资讯详情"], [data-ename="面包屑导航"]', weight: 1 },
    { kind: 'script', pattern: /window\.tenant\s*=|window\.commonShortUrl|\$comp\(\s*\{/, weight: 1 },
    { kind: 'asset', pattern: /\/\/(img01|dfs)\.yun300\.cn\//, weight: 1 },
    { kind: 'selector', pattern: 'body[data-pageid][data-tmplid]', weight: 1 },
    { kind: 'text', pattern: /网站建设\s*[:：]\s*中企动力|中企动力提供技术支持/, weight: 1 },
  ],
  body: [
    '.p_NewsDetail .p_articles',
    '[data-ename="资讯详细描述"]',
    'article.e_HtmlEditor.p_articles',
    '.p_articles',
    '.e_HtmlEditor.p_content .p_con',
  ],
  title: ['.p_topBox h1.p_headA', '.p_TitleBoxA h1', '.p_TitleBoxA', '.p_breadcrumbCurrent'],
  // A news or product list component, and no detail widget (cms-zh.md §1.1: component ids; §1.5: the list
  // component beside a detail widget is chrome).
  listTemplates: {
    components: ['[id^="c_portalResNews_list-"]', '[id^="c_portalResProduct_list-"]'],
    unless: ['[id^="c_portalResNews_detail-"]', '[id^="c_news_detail-"]', '[id^="c_portalResProduct_detail-"]', '[data-ename="资讯详细描述"]', '[data-ename="资讯详情"]', '.p_NewsDetail'],
  },
};

export const zhongqiPortal: Profile = {
  ...zhongqiPortalDetection,
  name: '中企动力 门户（云建站）',
  fields: {
    publishedTime: ['.p_topBox .p_dataSource li.date', 'ul.p_dataSource li.date', '.p_AssistInfo'],
    category: ['.p_topBox .p_dataSource li.sort', 'ul.p_dataSource li.sort'],
    author: ['.p_topBox .p_dataSource li.auth', 'ul.p_dataSource li.auth'],
    source: ['.p_topBox .p_dataSource li.source', 'ul.p_dataSource li.source'],
    views: ['.p_topBox .p_dataSource .p_viewCount', 'ul.p_dataSource .p_viewCount'],
    summary: ['.p_topBox .p_summary', '.p_NewsDetail .p_summary'],
  },
  drop: [
    '.p_infoBox',
    '.p_articlesTitle',
    '.p_QRCode',
    '[class*="p_PrevAndNext"]',
    '.e_stylebox .stylebox_top',
    '[id^="c_portalResnav_main-"]',
    '[id^="c_portalResBreadcrumb_nav-"]',
    '[id^="c_portalResSearch_"]',
    '[id^="c_portalResEbizads_banner-"]',
    '[id^="c_portalResPublic_"]',
    '[id^="c_portalResNews_list-"]',
    '[id^="c_portalResNews_category-"]',
  ],
};
