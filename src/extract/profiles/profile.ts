/**
 * A CMS family described as data: how to recognise it, where its article lives, what chrome to drop.
 * Profiles hold no code, so the small detector content script can carry them and a new family is one file.
 */
import type { FamilyId } from '../types';

export type SignalKind =
  /** `document.querySelector(pattern)` finds an element. */
  | 'selector'
  /** The page URL matches. */
  | 'url'
  /** A `src`/`href` of a script, stylesheet, image, link or form matches. */
  | 'asset'
  /** A `<meta>` tag, written `name=content` (name lower-cased), matches. */
  | 'meta'
  /** An HTML comment matches. */
  | 'comment'
  /** An inline script matches. */
  | 'script'
  /** The page's text matches. */
  | 'text';

export interface Signal {
  kind: SignalKind;
  pattern: string | RegExp;
  /** 1 for an ordinary sign; 2 for a sign that alone is conclusive. A family is detected at a total of 2. */
  weight: number;
}

export type MetaField = 'title' | 'publishedTime' | 'source' | 'author' | 'editor' | 'category' | 'views' | 'summary';

/** A value the page keeps in an inline script or a comment, e.g. WeChat's `var ct = "1581517074"`. */
export interface EmbeddedField {
  field: MetaField;
  /** First capture group is the value. */
  pattern: RegExp;
  /** `unix`: the value is Unix seconds, shown by the platform as a China Standard Time date. */
  kind?: 'text' | 'unix';
}

/** What the detector needs: recognising the family and classifying its pages. Small, for every page load. */
export interface ProfileDetection {
  id: Exclude<FamilyId, 'generic'>;
  signals: Signal[];
  /** URL shapes of its list, column and search pages. */
  listUrls?: RegExp[];
  /**
   * Its list pages by their components: a page showing one of `components` and none of `unless` (the components of
   * its article pages) is a list, whatever short text or widget stamps it also shows.
   */
  listTemplates?: { components: string[]; unless: string[] };
  /** Body container, first match wins; an element holding the most text is taken when several match. */
  body?: string[];
  /** The headline element, in order of preference. */
  title?: string[];
}

/** The whole profile: detection, and what the extraction needs on top. */
export interface Profile extends ProfileDetection {
  /** Display name, Chinese first. */
  name: string;
  /** Comment pair bracketing the body, e.g. Hanweb's `<$[信息内容]>begin` … `end`. */
  bodyComments?: { start: RegExp; end: RegExp };
  /** Per-field selectors, in order of preference; label text inside them is stripped. */
  fields?: Partial<Record<Exclude<MetaField, 'title'>, string[]>>;
  /** Fields whose slot only stands in for the value: a labelled value found elsewhere on the page replaces them. */
  weakFields?: Exclude<MetaField, 'title'>[];
  /** Blocks holding a line of labelled metadata (发布时间：… 来源：…). */
  metaLines?: string[];
  /** Values in inline scripts. */
  scriptFields?: EmbeddedField[];
  /** Values in HTML comments. */
  commentFields?: EmbeddedField[];
  /** Chrome of this family: removed before extraction. */
  drop?: string[];
  /** Containers the family ships hidden and reveals by script: never dropped as invisible. */
  keepVisible?: string[];
}
