/**
 * Labelled metadata lines ("发布时间：2021-07-29 来源：天津日报 作者：…", "Time of issue: 2024-01-20") in Chinese
 * and in the English template labels of 300.cn sites. Everything works on width-folded text (：→:).
 */
import { parseDate } from './dates';
import { foldWidth, squash, stripSpace } from './text';
import { ORGANISATION_ENDINGS, titleKey } from './title';

export type LabelField = 'publishedTime' | 'source' | 'author' | 'editor' | 'views' | 'category';
type LabelKind = LabelField | 'updated' | 'other';

const LABELS: Record<LabelKind, string[]> = {
  publishedTime: [
    '发布时间', '发布日期', '发表时间', '发表日期', '发稿时间', '发文时间', '发文日期', '上传时间', '录入时间', '添加时间',
    '创建时间', '时间', '日期', '发布于', 'Time of issue', 'Publish time', 'Published time', 'Publish date', 'Release time',
    'Creation time', 'Date',
  ],
  updated: ['更新时间', '修改时间', '更新日期', '成文日期'],
  source: ['信息来源', '文章来源', '稿件来源', '新闻来源', '内容来源', '来源于', '稿源', '来源', '出处', 'Origin', 'Source'],
  author: ['作者', '撰稿人', '撰稿', '撰文', '执笔', '采写', '编译', '供稿单位', '供稿', '发布单位', '发布机构', '发布者', '发布人', '文', 'Author'],
  editor: ['责任编辑', '责编', '网络编辑', '编辑', 'Editor'],
  views: ['浏览次数', '浏览量', '浏览', '访问量', '访问次数', '点击数', '点击量', '点击率', '点击', '阅读次数', '阅读量', '阅读数', '阅读', 'Views', 'Hits'],
  category: ['所属分类', '所属栏目', '分类', '栏目', 'Categories', 'Category'],
  other: [
    '审核', '审稿', '校对', '校读', '终审', '签发', '摄影', '语音', '剪辑', '制图', '美编', '排版', '投稿', '记者', '通讯员', '字号', '字体', '分享到', '索引号', '发文机关', '发文字号',
    '主题分类', '关键词', 'Keywords', 'Tags', '标签',
  ],
};

const KIND_OF = new Map<string, LabelKind>();
for (const [kind, labels] of Object.entries(LABELS) as [LabelKind, string[]][]) {
  for (const label of labels) KIND_OF.set(label.toLowerCase(), kind);
}

/** A label written with optional spaces between its Han characters ("来 源"). */
function labelPattern(label: string): string {
  return /^[A-Za-z ]+$/.test(label) ? label.replace(/ /g, '\\s*') : label.split('').join('\\s*');
}

const ALL_LABELS = [...KIND_OF.keys()].sort((a, b) => b.length - a.length);
const DELIMITER = '[\\s\\d|/\\[\\]【】()（）·•丨，,;；]';
// A label is followed by a colon. A one-character label ("文") must start a token ("正文：" is not a byline); longer
// Chinese labels may follow text directly, as they do when spans are glued ("证券时报网作者：李在山"); English
// labels start a word. Credit blocks also write "编辑|张三 来源|长江日报", and bylines "执笔/张三": a bar or (for a
// writer label) a slash glued to both label and value.
const LABEL_RE = new RegExp(
  `(?:(?:^|(?<=${DELIMITER}))(${ALL_LABELS.filter((l) => l.length === 1).map(labelPattern).join('|')})|(${ALL_LABELS.filter(
    (l) => l.length > 1 && !/^[a-z ]+$/.test(l),
  )
    .map(labelPattern)
    .join('|')})|\\b(${ALL_LABELS.filter((l) => /^[a-z ]+$/.test(l)).map(labelPattern).join('|')}))(?:\\s*[:︱]|([|/])(?=[^\\s|/]))`,
  'gi',
);

/** A credit label, a space, and one value closing the line or a bar-separated slot of it. */
const SPACED_CREDIT = /(?:^|[\s|丨｜])(作者|责任编辑|责编|来源|稿源)\s+([\u3400-\u9fffA-Za-z·]{2,20})(?=\s*(?:[|丨｜]|$))/g;

export interface LabelledLine {
  fields: Partial<Record<LabelField, string>>;
  /** The label each field's value followed ("作者", "供稿单位"), as the page wrote it without spaces. */
  labelOf: Partial<Record<LabelField, string>>;
  /** Labels found, of any kind (also ones whose value is empty or ignored). */
  labels: number;
}

const PLACEHOLDER_VALUES = /^(?:未知|佚名|网络|互联网|网络整理|admin|管理员|null|undefined|暂无|无)$/i;
const EDGE_PUNCT = /^[\s|/\\[\]【】()（）·•丨,，;；:]+|[\s|/\\[\]【】()（）·•丨,，;；:]+$/g;

/** A phrase that introduces a source rather than being one ("本文来源于新京报", "转载自：…"). */
export const LEAD_IN = /^(?:本文|本篇|本站|本网|文章|稿件|内容|信息|图文)?(?:来源于|来源|转载自|转载于|转自|来自|摘自|选自|出自|源自)\s*[:：]?\s*/;
/** Where a source or category value ends when the next thing on the line is glued to it ("求是网参与互动"). */
const VALUE_STOP = /(?:作者|编辑|责任|时间|日期|发布|(?:浏览|点击|阅读)(?=\s*[:：(（\d]|量|数|次)|字号|分享|参与|评论|我要|举报|打印|收藏|\d+\s*人).*$/;
/** Role words around a credited name: 记者 X, 南都见习记者 X (an outlet's reporter), X 整合, 文/图 X. */
const ROLE = /^(?:[\u3400-\u9fff]{0,8}?(?:记者|通讯员|实习生|专栏作者)|撰稿|文\/图|图\/文)|(?:整合|报道|采写|综合|编译|整理|摄影|摄)$/;
/** A role word standing alone between names. */
const ROLE_WORD = /^(?:本报|本台|本网|特约)?(?:记者|通讯员|实习生|撰稿|编译|综合|整理|整合|报道|采写|摄影|文|图|文\/图|图\/文)$/;
/** Labels of the profile menus that bylines open ("Biography", "@handle"): where the names end. */
const PROFILE_WORD = /^(?:bio|biography|profile|contact|follow|e-?mail|twitter|facebook|linkedin|instagram|rss|homepage|website|@\S+|\S+@\S+\.\w+)$/i;
const NOT_A_NAME = /转载|声明|版权|注明|来源|出处|链接|网址|电话|邮箱|责任编辑|关注|订阅|粉丝|返回|查看|更多|首页|登录|[:：。，,;；!！?？|]/;
/** Where an affiliation starts after a name written without a space ("方敏北京大学经济学院教授"). */
const AFFILIATION = /(?:中国|中央|国家|北京|上海|天津|重庆|清华|复旦|南京|武汉|浙江|广州|深圳|江苏|广东|山东|河南|河北|湖南|湖北|四川|陕西|福建|安徽|江西|辽宁|吉林|黑龙江|山西|云南|贵州|甘肃|青海|海南|内蒙古|广西|西藏|宁夏|新疆|香港|澳门|台湾|人民|社会|经济|省|市|县|大学|学院|研究)/;
const TITLE_WORD = /(?:教授|研究员|主任|博士|院长|所长|学者|专家|讲师|书记|局长|处长|总经理|董事长|委员|主席|部长|校长)$/;

/**
 * The names of a credit: space-separated names ("刘玺东 易赛楠") without role words ("记者", "整合", "文/图"), up to
 * something that is not a name ("转载请注明…"); an affiliation glued to a name is cut off.
 */
export function authorNames(raw: string): string | null {
  const names: string[] = [];
  const text = squash(raw).replace(/\s*(?:19|20)\d{2}\s*[-/.年].*$/, '');
  for (const token of text.split(/[\s、，,&＆]+/)) {
    let t = token.replace(EDGE_PUNCT, '');
    if (ROLE_WORD.test(t)) continue;
    // Strip roles glued to a name ("记者陈智", "张三摄"), but not from an organisation ("综合办公室").
    for (let i = 0; i < 2 && !/(?:办公室|中心|局|处|科|部|院|所|委|会|公司)$/.test(t); i++) t = t.replace(ROLE, '').replace(EDGE_PUNCT, '');
    if (!t || (names.length === 0 && /^by$/i.test(t))) continue;
    if (NOT_A_NAME.test(t) || PLACEHOLDER_VALUES.test(t) || PROFILE_WORD.test(t)) break;
    if (/^[\u3400-\u9fff·]+$/.test(t) && t.length > 6) {
      // A name with its affiliation or title glued on: keep the name.
      const at = t.search(AFFILIATION);
      if (TITLE_WORD.test(t) && at >= 2 && at <= 4) t = t.slice(0, at);
      else if (t.length > 12) break;
    }
    if (t.length > 24) break;
    names.push(t);
    if (names.length === 6) break;
  }
  return names.length ? names.join(nameSeparator(text, names)) : null;
}

/** The separator the page writes between the names ("张三、李四", "张三，李四"); a space where it writes none or mixes them. */
function nameSeparator(text: string, names: readonly string[]): string {
  const marks = new Set<string>();
  let at = 0;
  for (let i = 0; i + 1 < names.length; i++) {
    at = text.indexOf(names[i]!, at) + names[i]!.length;
    const next = text.indexOf(names[i + 1]!, at);
    marks.add(/[、，,;；&＆/]/.exec(text.slice(at, next))?.[0] ?? ' ');
    at = next;
  }
  const [mark] = [...marks];
  if (marks.size !== 1 || !mark || !/[、，,;；]/.test(mark)) return ' ';
  return mark === ',' ? ', ' : mark;
}

/**
 * Names that end like an outlet, a site or an organisation rather than a person: the words the title code takes for a
 * 站名 (网, 报, 公司, 中心 …) with the newsrooms' own (社, 台, 卫视, 编辑部, 小编, 公众号).
 */
export const OUTLET_NAME = new RegExp(
  `(?:${[...ORGANISATION_ENDINGS, '报社', '周刊', '月刊', '期刊', '社', '台', '卫视', '传媒', '媒体', '融媒', '编辑部', '编辑组', '工作室', '小编', '官方', '客户端', '公众号', '号'].join('|')})$`,
);
/** The same in Western names ("Editorial Team", "Reuters Staff"), wire agencies, and addresses. */
const OUTLET_WORD =
  /\b(?:news|newsroom|media|staff|team|desk|editors?|editorial|redaktion|redaction|press|agency|agencies|magazine|journal|times|daily|network|online|group|inc|ltd|llc|gmbh|corp|company|official|contributors?|reuters|bloomberg|xinhua|afp|dpa|kyodo|yonhap)\b|redacción|rédaction|https?:|www\.|\.(?:com|cn|net|org)\b/i;
/** Account names that stand for no one: "admin", "webmaster", "anónimo". */
const NO_ONE = /^(?:web ?master|(?:site ?)?admin\w*|\w*_admin|administrator|anonymous|anonym|anónimo|anonyme|unknown|guest|user|author|autor|auteur)$/i;
/** A one-word Western name that is a login or an acronym ("fhaacker", "sv_team", "GNB"), not a name a byline shows. */
const HANDLE = /^(?:[\p{Ll}\d._-]+|[\p{Lu}\d._-]+|\S*[\d_@.]\S*)$/u;

/** A Western writer's name as the JSON-LD gives it ("By Jane Doe" → "Jane Doe"; credentials after a comma kept). */
function westernName(raw: string): string | null {
  const name = squash(raw).replace(/^by\s+/i, '');
  if (!name || name.length > 60 || /\d|@|[|:;!?<>{}[\]/\\]/.test(name)) return null;
  if (NO_ONE.test(name) || PLACEHOLDER_VALUES.test(name) || (!/\s/.test(name) && HANDLE.test(name))) return null;
  return name;
}

/**
 * The writer a page declares only for machines (its JSON-LD Person authors), when no writer is shown. Each name is
 * cleaned as a shown credit is (Chinese names by `authorNames`: roles, placeholders, non-names), and dropped when it
 * is, or holds, the site, the publisher or the source outlet (`outlets`), when it is the name of the page's host
 * ("GitHub" on github.blog), or when it reads as an outlet, an account or a login: sites put their own name in that
 * slot as often as a writer's (网易, 参考消息).
 */
export function declaredAuthor(names: readonly string[], outlets: readonly (string | null | undefined)[], url?: string | null): string | null {
  const outletKeys = outlets.map((o) => (o ? titleKey(o) : '')).filter((k) => k.length >= 2);
  let hostKeys: string[] = [];
  try {
    hostKeys = url ? new URL(url).hostname.split('.').slice(0, -1).map(titleKey) : [];
  } catch {
    // No host to compare with.
  }
  const kept: string[] = [];
  for (const raw of names) {
    const name = /[\u3400-\u9fff]/.test(raw) ? authorNames(raw) : westernName(raw);
    const key = name ? titleKey(name) : '';
    if (!name || !key || OUTLET_NAME.test(stripSpace(foldWidth(name))) || OUTLET_WORD.test(name)) continue;
    if (outletKeys.some((o) => key === o || key.includes(o)) || hostKeys.includes(key)) continue;
    if (!kept.includes(name)) kept.push(name);
    if (kept.length === 6) break;
  }
  // Chinese names in the page's own form ("刘玺东 易赛楠"); Western full names apart with commas.
  return kept.length ? kept.join(kept.some((n) => !/^[\u3400-\u9fff·]+$/.test(n)) ? ', ' : ' ') : null;
}

function cleanValue(kind: LabelField, raw: string): string | null {
  const value = squash(raw).replace(EDGE_PUNCT, '');
  if (!value) return null;
  switch (kind) {
    case 'publishedTime':
      return parseDate(value);
    case 'views': {
      const m = /^\d[\d,]*/.exec(value);
      return m ? m[0].replace(/,/g, '') : null;
    }
    case 'source':
    case 'category': {
      const first = value.replace(LEAD_IN, '').split(/\s+/)[0]!.replace(VALUE_STOP, '').replace(EDGE_PUNCT, '');
      if (!first || first.length > 40 || /https?:|www\./i.test(first) || PLACEHOLDER_VALUES.test(first)) return null;
      return first;
    }
    case 'author':
      return authorNames(value);
    case 'editor': {
      const cut = value
        .replace(/\s*(?:19|20)\d{2}\s*[-/.年].*$/, '')
        .split(/\s{2,}|[|丨]/)[0]!
        .replace(EDGE_PUNCT, '');
      if (!cut || cut.length > 40 || PLACEHOLDER_VALUES.test(cut)) return null;
      return cut;
    }
  }
}

/** Reads the labelled fields of one line of text. */
export function parseLabelledLine(text: string): LabelledLine {
  const folded = foldWidth(text);
  const found: { kind: LabelKind; label: string; start: number; valueStart: number }[] = [];
  const re = new RegExp(LABEL_RE.source, LABEL_RE.flags);
  for (let m = re.exec(folded); m; m = re.exec(folded)) {
    const label = (m[1] ?? m[2] ?? m[3]!).replace(/\s+/g, ' ').toLowerCase();
    const kind = KIND_OF.get(label) ?? KIND_OF.get(label.replace(/\s/g, '')) ?? 'other';
    // "文/", "编辑/苏芳", "摄影/张艳" are credits; a path ("author/") is not a label.
    if (m[4] === '/' && !m[2] && !m[1]) continue;
    // The source of a photo or of data ("图片来源：受访者供图", "资料来源：…") is not the article's.
    if (kind === 'source' && /(?:图片|照片|图|资料|数据|视频)$/.test(folded.slice(0, m.index))) {
      found.push({ kind: 'other', label, start: m.index, valueStart: m.index + m[0].length });
      continue;
    }
    found.push({ kind, label: label.replace(/\s/g, ''), start: m.index, valueStart: m.index + m[0].length });
  }
  const fields: Partial<Record<LabelField, string>> = {};
  const labelOf: Partial<Record<LabelField, string>> = {};
  found.forEach((f, i) => {
    if (f.kind === 'other' || f.kind === 'updated') return;
    const end = found[i + 1]?.start ?? folded.length;
    const value = cleanValue(f.kind, folded.slice(f.valueStart, end));
    if (value && !(f.kind in fields)) {
      fields[f.kind] = value;
      labelOf[f.kind] = f.label;
    }
  });
  // "作者 魏星", "来源 新华社": a credit label and a value set apart by a space in an info bar, without a colon.
  for (const m of folded.matchAll(SPACED_CREDIT)) {
    const kind = KIND_OF.get(m[1]!) as LabelField | undefined;
    if (!kind || kind in fields) continue;
    const value = cleanValue(kind, m[2]!);
    if (value) {
      fields[kind] = value;
      labelOf[kind] = m[1]!;
    }
  }
  return { fields, labelOf, labels: found.length };
}

/** Cleans the value of a field read from a dedicated element (a `li.source`, a `#pubTime`). */
export function fieldValue(field: LabelField, text: string): string | null {
  const line = parseLabelledLine(text);
  // Labelled text gives the value of its own label only ("发布时间：10-08" in a source slot is not a source).
  if (line.labels > 0) return line.fields[field] ?? null;
  return cleanValue(field, text);
}
