/** CMS families Qingdu knows. `generic` is the fallback when no profile matches. */
export type FamilyId =
  | 'zhongqi-portal'
  | 'zhongqi-omo'
  | 'trs-wcm'
  | 'hanweb-jcms'
  | 'vsb-boda'
  | 'sudy-webplus'
  | 'empirecms'
  | 'dedecms'
  | 'phpcms'
  | 'founder-enp'
  | 'wechat-mp'
  | 'generic';

export interface Attachment {
  name: string;
  url: string;
}

export interface ArticleImage {
  src: string;
  alt: string;
}

/** The clean article. Absent values are null, lists are empty. */
export interface Article {
  title: string;
  /** The credit line a reader shows under the title: the author, else the source. */
  byline: string | null;
  author: string | null;
  editor: string | null;
  source: string | null;
  /** ISO 8601 local time without zone: `YYYY-MM-DD`, or with `THH:MM[:SS]` when the page shows a time. */
  publishedTime: string | null;
  category: string | null;
  views: number | null;
  summary: string | null;
  siteName: string | null;
  lang: string | null;
  url: string | null;
  family: FamilyId;
  /** How sure the family detection is, 0..1 (0 for `generic`). */
  confidence: number;
  /** Plain text, one blank line between paragraphs. */
  textContent: string;
  /** Sanitised HTML of the body. */
  contentHtml: string;
  attachments: Attachment[];
  images: ArticleImage[];
  /** Characters of `textContent` without whitespace. */
  length: number;
}

/** Decides whether an element of the page is visible to the user. */
export type VisibilityCheck = (element: Element) => boolean;

export interface ExtractOptions {
  /** The page's address; relative URLs are resolved against it (and against `<base href>`). */
  url?: string;
  /**
   * Visibility of elements. In the browser pass a check based on computed style; when absent, inline style and
   * the `hidden` attribute decide (Node has no layout).
   */
  isVisible?: VisibilityCheck;
  /** Extract even when the page does not look like an article ("extract anyway"). */
  force?: boolean;
  /**
   * Rule packs to leave out, for measuring what each buys (the benchmark's ablation): `profiles` (the CMS profiles'
   * containers, fields and chrome), `zh-chrome`, `western-chrome`, `western-lines`, `tail-sections`, `lead`,
   * `body-trim`. Not for everyday use.
   */
  without?: readonly RulePackName[];
}

/** The rule packs an extraction can leave out (see ExtractOptions.without). */
export const RULE_PACKS = ['profiles', 'zh-chrome', 'western-chrome', 'western-lines', 'tail-sections', 'lead', 'body-trim'] as const;
export type RulePackName = (typeof RULE_PACKS)[number];

/** What a page is. */
export type PageType = 'article' | 'list' | 'home' | 'search' | 'other';

/** What detection says about a page. */
export interface Detection {
  family: FamilyId;
  confidence: number;
  isArticle: boolean;
  /** `article` exactly when `isArticle`. */
  pageType: PageType;
  /** Why the page is or is not taken for an article (for diagnostics and the popup). */
  reason: string;
}
