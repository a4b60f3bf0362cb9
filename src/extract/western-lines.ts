/**
 * Lines Western news and blog templates print inside the article container that are not the article: photo
 * credits ("Photo: Hau Dinh, AP", "(Image credit: NASA)", "Bild: dpa"), gallery controls ("Image 1 of 8",
 * "Caption", "Close"), ad labels ("Advertisement", "- Anzeige -"), reading-time and enlarge hints, date-only lines
 * ("Updated 5:27 am CST, Wednesday, November 20, 2019", "Erstellt am Dienstag 6. Mai 2014"), and a caption printed
 * twice by a slideshow (a block that repeats an earlier block word for word). Each is a whole block of nothing else;
 * a sentence that mentions a photo or a date is left alone. Applied to bodies that are not Chinese text (a Chinese
 * notice ends with its issuing date, which belongs to it).
 */
import { textBlocks } from './page-metadata';
import { linkDensity } from './chrome';
import { squash, visibleLength } from './text';
import { closestTag, hasTagBelow, tagSet } from './tag-match';

const FIGCAPTION = tagSet('figcaption');
const IMG = tagSet('img');
const LI = tagSet('li');
const A = tagSet('a');
const MEDIA = tagSet('img, picture, video, iframe, table');
const BLOCKS = tagSet('p, div, li, h1, h2, h3, h4, h5, h6, blockquote');

/** Whole-line labels (decoration around them stripped first). */
const LABEL = new RegExp(
  `^(?:${[
    'caption', 'close', 'advert(?:isement)?s?', 'anzeigen?', 'werbung', 'reklama', 'publicit[ée]', 'publicidad', 'pubblicit[àa]', 'sponsored', 'gesponsert',
    'skip to (?:main )?content', 'continue reading(?: below)?', 'story continues below(?: advertisement)?', 'this slideshow requires javascript',
    '\\d+ min(?:ute)?s? read', 'lesezeit:? \\d+ min(?:uten|\\.)?', 'ten tekst przeczytasz w .{1,30}', 'czas czytania:? .{1,20}', '(?:click|tap) to enlarge', 'enlarge(?: (?:image|photo))?', 'zum vergrößern(?: auf das bild)? klicken',
    'bild (?:anzeigen|vergrößern)', 'foto (?:anzeigen|vergrößern)', 'pinnen', 'rezept drucken', 'back to top', 'nach oben', 'zurück', 'go back',
  ].join('|')})$`,
  'i',
);

/** Slideshow counters: "Image 1 of 8", "1 of / 8", "Bild 2 von 5", "3/12". */
const COUNTER = /^(?:(?:image|photo|picture|slide|bild|foto|zdjęcie)\s*)?\d{1,3}\s*(?:of|von|z|de|sur|\/)\s*\/?\s*\d{1,3}$/i;

/** Picture agencies and stock libraries named in credits ("Trey Smith / Shutterstock", "(mlharing / iStock.com)"). */
const AGENCY =
  'shutterstock|istock(?:photo)?(?:\\.com)?|getty ?images|adobe ?stock|stock\\.adobe\\.com|unsplash|pixabay|pexels|pixelio(?:\\.de)?|fotolia|123rf|depositphotos|imago(?: images)?|picture[- ]alliance|wenn\\.com';
/** A credit of nothing but a name and an agency: "Judy Eddy/WENN.com". */
const AGENCY_CREDIT = new RegExp(`^[\\p{L}\\p{N} .,'&_-]{1,40}\\s*/\\s*(?:${AGENCY})$`, 'iu');

/** A credit line: a photo-credit label and a name or agency, nothing else. */
const CREDIT =
  /^(?:(?:ap |afp |reuters |dpa |getty |file )?(?:photos?|photograph|images?|pictures?|pics?|fotos?|bild(?:er)?|bildquelle|fotoquelle|zdjęci[ea]|fot\.|crédits? photos?|cr[ée]dits?|photo credit|image credit|foto ?credit)(?:\s+(?:by|via|von|credit|courtesy(?: of)?))?\s*(?:[:：©|/]|\bby\b|\bvia\b|\bvon\b)\s*\S.{0,80}|(?:©|\(c\)|copyright\b)\s*\S.{0,80})$/i;

const MONTH =
  'jan(?:uary|uar|vier)?|feb(?:ruary|ruar)?|f[ée]v(?:rier)?|m[aä]r(?:ch|z|s)?|apr(?:il)?|avr(?:il)?|ma[iy]|june?|juni|juin|july?|juli|juillet|aug(?:ust)?|ao[uû]t|sep(?:t(?:ember)?)?|oct(?:ober)?|okt(?:ober)?|nov(?:ember)?|dec(?:ember)?|dez(?:ember)?|d[ée]c(?:embre)?|janvier|septembre|octobre|novembre|stycznia|lutego|marca|kwietnia|maja|czerwca|lipca|sierpnia|września|października|listopada|grudnia';
const WEEKDAY =
  'mon(?:day)?|tue(?:s(?:day)?)?|wed(?:nesday)?|thu(?:r(?:s(?:day)?)?)?|fri(?:day)?|sat(?:urday)?|sun(?:day)?|montag|dienstag|mittwoch|donnerstag|freitag|samstag|sonntag|lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche';
/** Words a date-and-time line is made of. */
const DATE_WORD = new RegExp(
  `\\b(?:${MONTH}|${WEEKDAY}|[ap]\\.?m\\.?|uhr|[ecmp][sd]?t|gmt|utc|cet|cest|mez|mesz|bst|at|um|am|on|le|de|the|of|\\d{1,4}(?:st|nd|rd|th|er)?)\\b\\.?`,
  'gi',
);
/** Labels in front of a date line. */
const DATE_LABEL =
  /^(?:(?:last )?(?:updated|published|posted|modified)(?: on)?|erstellt(?: am)?|veröffentlicht(?: am)?|aktualisiert(?: am)?|zuletzt aktualisiert(?: am)?|stand|publié le|mis à jour le|opublikowano|zaktualizowano|publikacja|data publikacji|aktualizacja|publiziert(?: am)?|publicado(?: el)?|actualizado(?: el)?)\s*[:：]?\s*/i;

/** A line of a date and time and nothing else (a labelled one may hold two: "Updated …; Posted …"). */
export function isDateLine(text: string): boolean {
  if (text.length > 100) return false;
  // A year or a clock time: "11. Mai" alone could be a heading.
  if (!/\b(?:19|20)\d{2}\b|\b\d{1,2}[:.]\d{2}\b/.test(text)) return false;
  const rest = text
    .split(/[;|]/)
    .map((part) => part.trim().replace(DATE_LABEL, ''))
    .join(' ')
    .replace(DATE_WORD, '')
    .replace(/[\s,.:/\-–—()]+/g, '');
  return rest.length === 0;
}

/** Decoration around a label: "- Anzeige -", "[Advertisement]", "Caption:". */
const DECORATION = /^[\s\-–—:|•·*([]+|[\s\-–—:|•·*)\]]+$/g;

/** What kind of non-article line `text` (squashed) is, if any; `edge`: among the body's first blocks. */
export function westernLineKind(text: string, edge: boolean): string | null {
  if (!text || text.length > 120) return null;
  const bare = text.replace(DECORATION, '');
  if (LABEL.test(bare)) return 'label';
  if (COUNTER.test(bare)) return 'counter';
  if ((CREDIT.test(bare) && !/[.!?]\s+\p{Lu}\p{Ll}+\s+\p{Ll}+/u.test(bare)) || AGENCY_CREDIT.test(bare)) return 'credit';
  if (isDateLine(text) && (edge || DATE_LABEL.test(text))) return 'date';
  return null;
}

/** A credit at the end of a caption: "… (AP Photo/Jane Doe)", "… (Image credit: NASA)", "… Bild: dpa". */
const TRAILING_CREDIT =
  /(?:[([](?:ap |afp |reuters |dpa |getty )?(?:photos?|images?|pictures?|fotos?|bild(?:er)?)(?: credit)?\s*[:/][^()[\]]{1,80}[)\]]|(?<=[.!?)]\s*|\s)(?:photos?|images?|pictures?|fotos?|bild(?:er)?|credits?|crédits? photos?|bildquelle)(?: credit| by| via)?\s*:\s*(?:[^.!?:]|\.(?!\s)){1,80})\s*$/i;

/**
 * Credits at the end of a caption in other forms: "… / Shutterstock", "… (mlharing / iStock.com)", "… – © Sergey
 * Nivens – stock.adobe.com", "… (Quelle: Fleischmann/Unsplash/DJV)", "… (Credit: Clayton Aldern / Grist)".
 */
const TRAILING_AGENCY = new RegExp(
  `(?:\\s*[-–—/|]\\s*|\\s+|(?<=[.!?])|(?=©))(?:(?:©|\\(c\\))\\s*[^!?©()]{1,60}|\\((?:quelle|source|credit|foto|photo|bild|fot\\.)\\s*:\\s*[^()]{1,80}\\)|\\([^()/]{1,40}/\\s*(?:${AGENCY})[^()]{0,30}\\)|(?:${AGENCY}))\\s*$`,
  'i',
);

/** Cuts the last `count` characters of `block`'s text, across its text nodes. */
function cutEnd(block: Element, count: number): void {
  const nodes: Text[] = [];
  const walker = block.ownerDocument.createTreeWalker(block, 0x4 /* SHOW_TEXT */);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) nodes.push(node as Text);
  for (let i = nodes.length - 1; i >= 0 && count > 0; i--) {
    const value = nodes[i]!.nodeValue ?? '';
    if (value.length <= count) {
      count -= value.length;
      nodes[i]!.nodeValue = '';
    } else {
      nodes[i]!.nodeValue = value.slice(0, value.length - count);
      count = 0;
    }
  }
}

/** A caption: a <figcaption> (or a block in one), or a short block right after a block of an image. */
function isCaption(block: Element, text: string): boolean {
  if (closestTag(block, FIGCAPTION)) return true;
  if (text.length > 300 || hasTagBelow(block, IMG)) return false;
  // The block, or its wrapper (a caption box of a credit and a text), right after the image.
  for (let el: Element | null = block, up = 0; el && up < 2; el = el.parentElement, up++) {
    const prev = el.previousElementSibling;
    if (prev && (prev.localName === 'img' || hasTagBelow(prev, IMG))) return true;
  }
  return false;
}

/**
 * "Related: <link>", "Lesen Sie auch: <link>", "Lea también: <link>", "MIRA: <link>": a pointer to another story.
 * Spanish and Portuguese news sites put one between every few paragraphs, in many wordings.
 */
const POINTER =
  /^(?:related(?: (?:story|article|coverage|content|reading))?|see also|read (?:more|also|next)|more|also read|lesen sie (?:auch|mehr)|auch lesen|mehr zum thema|siehe auch|weiterlesen|(?:zobacz|czytaj) (?:też|także|również)|dowiedz się więcej|lesen sie hier|(?:à )?lire aussi|voir aussi|lee también|leggi anche|lea(?: (?:también|además|más))?|vea (?:también|además)|mir[ae](?: también| además)?|(?:le|te) (?:puede|podría) interesar|puedes ver|(?:leia|veja) (?:também|mais))\s*[:：»>]\s*\S/i;

function isPointer(block: Element, text: string): boolean {
  if (text.length > 200 || !POINTER.test(text)) return false;
  const rest = text.replace(/^[^:：»>]*[:：»>]\s*/, '');
  return rest.length > 0 && linkDensity(block, visibleLength(text)) >= visibleLength(rest) / visibleLength(text) - 0.1;
}

/** Shortest block (characters) whose repetition counts as a duplicate. */
const MIN_DUPLICATE = 60;
/** How many earlier blocks a repeated caption is looked for in. */
const DUPLICATE_WINDOW = 3;
/** Blocks at the start of the body where a bare date line is a dateline. */
const EDGE_BLOCKS = 3;

/** The first item of a breadcrumb trail. */
const HOME = /^(?:home|homepage|start|startseite|accueil|inicio|strona główna|home page)$/i;
/** Longest item (characters) of a breadcrumb trail. */
const MAX_CRUMB = 40;

/** A breadcrumb trail printed as a list of links among the body's first blocks ("Home › News › Spaceflight"). */
function leadingCrumbs(root: Element, blocks: Element[]): Element | null {
  const home = blocks.slice(0, EDGE_BLOCKS).find((b) => b !== root && HOME.test(squash(b.textContent ?? '')));
  const item = home ? closestTag(home, LI) : null;
  const list = item?.parentElement;
  if (!item || !list || !root.contains(list) || !/^(?:ul|ol)$/.test(list.localName) || list.firstElementChild !== item) return null;
  const items = Array.from(list.children);
  const linked = items.every((li) => {
    const text = squash(li.textContent ?? '');
    return text.length <= MAX_CRUMB && (!text || hasTagBelow(li, A) || li === items.at(-1));
  });
  return linked && items.length >= 2 ? list : null;
}

/** Removes the lines above from a non-Chinese article body. Returns how many blocks went. */
export function removeWesternLines(root: Element): number {
  const recent: { text: string; block: Element; caption: boolean; controls: boolean }[] = [];
  let removed = 0;
  const blocks = textBlocks(root);
  const crumbs = leadingCrumbs(root, blocks);
  if (crumbs) {
    crumbs.remove();
    removed++;
  }
  blocks.forEach((block, i) => {
    if (block === root || !root.contains(block)) return;
    const text = squash(block.textContent ?? '');
    const media = hasTagBelow(block, MEDIA);
    if (!media && (westernLineKind(text, i < EDGE_BLOCKS) || isPointer(block, text))) {
      block.remove();
      removed++;
      for (const r of recent) r.controls = true;
      return;
    }
    const caption = isCaption(block, text);
    if (caption) {
      const raw = block.textContent ?? '';
      const credit = TRAILING_CREDIT.exec(raw);
      if (credit && squash(raw.slice(0, credit.index)).length >= 10) cutEnd(block, raw.length - credit.index);
      else {
        // An agency or © credit is a credit after a caption of a word or two as well ("praca / Shutterstock").
        const agency = TRAILING_AGENCY.exec(raw);
        if (agency && squash(raw.slice(0, agency.index)).length >= 3) cutEnd(block, raw.length - agency.index);
      }
    }
    // A slideshow prints a caption again past its controls (credit, counter, "Caption" / "Close"), or twice in a
    // row (a short and a long version, the same once its credit is cut). Other repeated
    // text is left alone (an interview's recurring question, a recipe's steps, a test page's filler paragraphs).
    const candidate = text.length >= MIN_DUPLICATE && !media && !hasTagBelow(block, BLOCKS);
    if (candidate && recent.some((r) => r.text === text && (r.controls || (r.caption && r.block.nextElementSibling === block)))) {
      block.remove();
      removed++;
      return;
    }
    recent.push({ text, block, caption, controls: false });
    if (recent.length > DUPLICATE_WINDOW) recent.shift();
  });
  return removed;
}
