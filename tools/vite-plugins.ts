import type { Plugin } from 'vite';

// Noncharacters, C0 controls other than tab and line breaks, and lone surrogates.
// eslint-disable-next-line no-control-regex -- control characters are what this finds
const UNSAFE = /[\uFDD0-\uFDEF\uFFFE\uFFFF\u0000-\u0008\u000B\u000C\u000E-\u001F]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/**
 * The minifier writes `\uFFFF` escapes in libraries (parse5's, docx's) as the raw characters; Chromium then refuses
 * to load the script ("It isn't UTF-8 encoded": its check rejects noncharacters). Writes them back as escapes,
 * which is valid in strings, templates and regular expressions alike.
 */
export function escapeUnsafeCharacters(): Plugin {
  return {
    name: 'qingdu-escape-unsafe-characters',
    enforce: 'post',
    generateBundle(_options, bundle) {
      for (const chunk of Object.values(bundle)) {
        if (chunk.type === 'chunk') {
          chunk.code = chunk.code.replace(UNSAFE, (ch) => `\\u${ch.charCodeAt(0).toString(16).padStart(4, '0')}`);
        }
      }
    },
  };
}
