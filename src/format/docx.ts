/**
 * Article → Word (.docx) with the `docx` library: the title, the metadata line and the original URL, then the body
 * through docx/html (headings, paragraphs, lists, tables with merged cells, links, images that are data URLs).
 * Images still at a web address are not downloaded: they become a link to the image, so nothing is fetched.
 */
import { AlignmentType, Document as DocxDocument, ExternalHyperlink, HeadingLevel, Packer, Paragraph, TextRun } from 'docx';
import { htmlToContent } from 'docx/html';
import type { Article } from '../extract/types';
import type { AttachedReference } from './formats';
import { referenceLead } from './gbt7714';
import { metadataLines } from './text';

export interface DocxOptions {
  /** The metadata line and the original URL under the title (default on). */
  header?: boolean;
  /** Parses HTML into a document (the browser's DOMParser, or jsdom's in Node). */
  parse: (html: string) => Document;
  /** 附加引用: the reference as the first paragraph or the last. */
  reference?: AttachedReference | null;
}

/** The reference as a small grey paragraph, its address a link. */
function referenceParagraph(reference: AttachedReference): Paragraph {
  const run = (text: string): TextRun => new TextRun({ text, size: 20, color: '59636E' });
  const lead = referenceLead(reference);
  const children =
    lead === null
      ? [run(reference.text)]
      : [run(lead), new ExternalHyperlink({ link: reference.url!, children: [new TextRun({ text: reference.url!, style: 'Hyperlink', size: 20 })] }), run('.')];
  return new Paragraph({ children });
}

/** Replaces images without their data by a link "[图片：alt]" so the reader can still reach them. */
function linkRemoteImages(html: string, parse: DocxOptions['parse']): string {
  const doc = parse(`<!DOCTYPE html><html><body>${html}</body></html>`);
  for (const img of [...doc.body.querySelectorAll('img')]) {
    const src = img.getAttribute('src') ?? '';
    if (src.startsWith('data:')) continue;
    const link = doc.createElement('a');
    link.setAttribute('href', src);
    link.textContent = `[图片${img.getAttribute('alt') ? `：${img.getAttribute('alt')}` : ''}]`;
    img.replaceWith(link);
  }
  return doc.body.innerHTML;
}

const FONT = { ascii: 'Times New Roman', hAnsi: 'Times New Roman', eastAsia: 'SimSun', cs: 'Times New Roman' };

export function buildDocx(article: Article, options: DocxOptions): DocxDocument {
  const head: Paragraph[] = [new Paragraph({ heading: HeadingLevel.TITLE, alignment: AlignmentType.CENTER, children: [new TextRun(article.title)] })];
  if (options.header !== false) {
    const meta = metadataLines(article).map(([k, v]) => `${k}：${v}`).join('    ');
    if (meta) head.push(new Paragraph({ alignment: AlignmentType.CENTER, children: [new TextRun({ text: meta, size: 20, color: '59636E' })] }));
    if (article.url && /^https?:\/\//i.test(article.url)) {
      head.push(
        new Paragraph({
          alignment: AlignmentType.CENTER,
          children: [
            new TextRun({ text: '原文链接：', size: 18, color: '59636E' }),
            new ExternalHyperlink({ link: article.url, children: [new TextRun({ text: article.url, style: 'Hyperlink', size: 18 })] }),
          ],
        }),
      );
    }
  }
  const body = htmlToContent(linkRemoteImages(article.contentHtml, options.parse), { maxImageWidth: 600 });
  const top = options.reference?.placement === 'top' ? [referenceParagraph(options.reference)] : [];
  const end = options.reference?.placement === 'end' ? [referenceParagraph(options.reference)] : [];
  return new DocxDocument({
    title: article.title,
    creator: article.author ?? article.source ?? undefined,
    description: article.summary ?? undefined,
    styles: {
      default: {
        document: { run: { font: FONT, size: 24 }, paragraph: { spacing: { line: 360, after: 120 } } },
        title: { run: { font: FONT, size: 36, bold: true } },
      },
    },
    sections: [{ children: [...top, ...head, ...body, ...end] }],
  });
}

/** The .docx file's bytes. */
export async function toDocx(article: Article, options: DocxOptions): Promise<Uint8Array> {
  return new Uint8Array(await Packer.toArrayBuffer(buildDocx(article, options)));
}
