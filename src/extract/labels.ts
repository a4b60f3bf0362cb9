/**
 * Labelled metadata lines ("发布时间：2021-07-29 来源：天津日报 作者：…", "Time of issue: 2024-01-20") in Chinese
 * and in the English template labels of 300.cn sites. Everything works on width-folded text (：→:).
 */
import { parseDate } from './dates';
import { foldWidth, squash } from './text';

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
  author: ['作者', '撰稿人', '撰稿', '撰文', '执笔', '供稿单位', '供稿', '发布单位', '发布机构', '发布者', '发布人', '文', 'Author'],
  editor: ['责任编辑', '责编', '网络编辑', '编辑', 'Editor'],
  views: ['浏览次数', '浏览量', '浏览', '访问量', '访问次数', '点击数', '点击量', '点击率', '点击', '阅读次数', '阅读量', '阅读数', '阅读', 'Views', 'Hits'],
  category: ['所属分类', '所属栏目', '分类', '栏目', 'Categories', 'Category'],
  other: [
    '审核', '审稿', '校对', '终审', '签发', '摄影', '记者', '通讯员', '字号', '字体', '分享到', '索引号', '发文机关', '发文字号',
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
// A label starts a token (not inside a word: "正文" is not "文") and is followed by a colon.
const LABEL_RE = new RegExp(
  `(?:^|(?<=[\\s\\d|/\\[\\]【】()（）·•丨，,;；]))(${ALL_LABELS.map(labelPattern).join('|')})\\s*[:︱]`,
  'gi',
);

export interface LabelledLine {
  fields: Partial<Record<LabelField, string>>;
  /** Labels found, of any kind (also ones whose value is empty or ignored). */
  labels: number;
}

const PLACEHOLDER_VALUES = /^(?:未知|佚名|网络|互联网|网络整理|admin|管理员|null|undefined|暂无|无)$/i;
const EDGE_PUNCT = /^[\s|/\\[\]【】()（）·•丨,，;；:]+|[\s|/\\[\]【】()（）·•丨,，;；:]+$/g;

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
      const first = value.split(/\s+/)[0]!.replace(EDGE_PUNCT, '');
      if (!first || first.length > 40 || /https?:|www\./i.test(first) || PLACEHOLDER_VALUES.test(first)) return null;
      return first;
    }
    case 'author': {
      // Names, space-separated ("刘玺东 易赛楠"), until something that is not a name ("转载请注明:…").
      const names: string[] = [];
      for (const token of value.replace(/\s*(?:19|20)\d{2}\s*[-/.年].*$/, '').split(/\s+/)) {
        const t = token.replace(EDGE_PUNCT, '');
        if (!t || t.length > 12 || /[:：。，,;；!！?？]/.test(t) || PLACEHOLDER_VALUES.test(t)) break;
        names.push(t);
        if (names.length === 6) break;
      }
      return names.length ? names.join(' ') : null;
    }
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
  const found: { kind: LabelKind; start: number; valueStart: number }[] = [];
  LABEL_RE.lastIndex = 0;
  for (let m = LABEL_RE.exec(folded); m; m = LABEL_RE.exec(folded)) {
    const label = m[1]!.replace(/\s+/g, ' ').toLowerCase();
    const kind = KIND_OF.get(label) ?? KIND_OF.get(label.replace(/\s/g, '')) ?? 'other';
    found.push({ kind, start: m.index, valueStart: m.index + m[0].length });
  }
  const fields: Partial<Record<LabelField, string>> = {};
  found.forEach((f, i) => {
    if (f.kind === 'other' || f.kind === 'updated') return;
    const end = found[i + 1]?.start ?? folded.length;
    const value = cleanValue(f.kind, folded.slice(f.valueStart, end));
    if (value && !(f.kind in fields)) fields[f.kind] = value;
  });
  return { fields, labels: found.length };
}

/** Strips a leading label ("来源：", "Time of issue:") from a field's text. */
export function stripLabel(text: string): string {
  const folded = foldWidth(text);
  LABEL_RE.lastIndex = 0;
  const m = LABEL_RE.exec(folded);
  return squash(m && m.index === 0 ? folded.slice(m[0].length) : folded).replace(EDGE_PUNCT, '');
}

/** Cleans the value of a field read from a dedicated element (a `li.source`, a `#pubTime`). */
export function fieldValue(field: LabelField, text: string): string | null {
  const line = parseLabelledLine(text);
  if (line.fields[field]) return line.fields[field];
  if (line.labels > 1) return null;
  return cleanValue(field, stripLabel(text));
}
