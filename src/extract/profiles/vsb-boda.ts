import type { Profile, ProfileDetection } from './profile';

/** 博达 VSB (WebSite Builder): many universities, some government sites (cms-zh.md §5). */
export const vsbBodaDetection: ProfileDetection = {
  id: 'vsb-boda',
  signals: [
    { kind: 'asset', pattern: /\/system\/resource\/(?:js|code)\//, weight: 2 },
    { kind: 'asset', pattern: /\/_sitegray\//, weight: 1 },
    { kind: 'comment', pattern: /#begineditable/, weight: 1 },
    { kind: 'script', pattern: /_showDynClicks|NewsvoteDWR/, weight: 1 },
    { kind: 'selector', pattern: 'form[name="_newscontent_fromname"], [id^="vsb_content"], .v_news_content', weight: 2 },
    { kind: 'url', pattern: /\/info\/\d+\/\d+\.htm/, weight: 1 },
  ],
  listUrls: [/\/ssjg\.jsp/],
  body: ['#vsb_content .v_news_content', '.v_news_content', '#vsb_content_2', '[id^="vsb_content"]'],
  title: ['form[name="_newscontent_fromname"] h1', 'form[name="_newscontent_fromname"] h2', 'form[name="_newscontent_fromname"] h3'],
};

export const vsbBoda: Profile = {
  ...vsbBodaDetection,
  name: '博达 VSB',
  fields: {
    // "责任编辑：…" in a box under the body.
    editor: ['.con_bm'],
  },
  // The vote widget after the body; the breadcrumb bar "首页 > … > 正文".
  drop: ['#div_vote_id', '.n_tit'],
};
