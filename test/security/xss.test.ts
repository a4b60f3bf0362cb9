/**
 * The XSS vector table itself: size, unique ids, every family the security issue names. The vectors run through the
 * pipeline in xss-body.test.ts, xss-title.test.ts and xss-metadata.test.ts (see xss-suite.ts).
 */
import { describe, expect, it } from 'vitest';
import { CONTEXTS } from './page';
import { KNOWN_FAILURES } from './xss-suite';
import { XSS_VECTORS } from './xss-vectors';

describe('the vector table', () => {
  it('has at least 200 vectors with unique ids, titles and payloads', () => {
    expect(XSS_VECTORS.length).toBeGreaterThanOrEqual(200);
    const ids = XSS_VECTORS.map((v) => v.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const v of XSS_VECTORS) {
      expect(v.id).toMatch(/^[a-z0-9-]+$/);
      expect(v.title.length).toBeGreaterThan(5);
      expect(v.payload.length).toBeGreaterThan(0);
    }
  });

  it('covers every family the security issue names', () => {
    const all = XSS_VECTORS.map((v) => v.payload).join('\n');
    const families: [string, RegExp][] = [
      ['<script>', /<script/i],
      ['onerror', /onerror/i],
      ['onload', /onload/i],
      ['onfocus+autofocus', /autofocus[^>]*onfocus|onfocus[^>]*autofocus/i],
      ['onmouseover', /onmouseover/i],
      ['onanimationstart', /onanimationstart/i],
      ['ontoggle', /ontoggle/i],
      ['onpointer*', /onpointer/i],
      ['onbegin', /onbegin/i],
      ['onwheel', /onwheel/i],
      ['javascript: in href', /href="javascript:/i],
      ['vbscript:', /vbscript:/i],
      ['data:text/html', /data:text\/html/i],
      ['src', /src="javascript:/i],
      ['action', /\saction="javascript:/i],
      ['formaction', /formaction/i],
      ['xlink:href', /xlink:href="javascript:/i],
      ['poster', /poster=/i],
      ['background', /background="javascript:/i],
      ['srcset', /srcset=/i],
      ['java&#x09;script:', /java&#x09;script:/i],
      ['&#106;avascript:', /&#106;avascript:/],
      ['JaVaScRiPt:', /JaVaScRiPt:/],
      ['svg onload', /<svg[^>]*onload/i],
      ['animate/set to href', /<(?:animate|set)[^>]*attributeName="?(?:xlink:)?href/i],
      ['use href data:', /<use[^>]*href="data:/i],
      ['foreignObject', /foreignObject/i],
      ['srcdoc', /srcdoc/i],
      ['meta refresh', /http-equiv="?refresh/i],
      ['base href', /<base href/i],
      ['object', /<object/i],
      ['embed', /<embed/i],
      ['applet', /<applet/i],
      ['expression()', /expression\(/i],
      ['url(javascript:)', /url\(["']?javascript:/i],
      ['@import', /@import/i],
      ['behavior', /behavior:/i],
      ['noscript', /<noscript/i],
      ['template', /<template/i],
      ['style', /<style/i],
      ['title', /<title/i],
      ['textarea', /<textarea/i],
      ['xmp', /<xmp/i],
      ['noembed', /<noembed/i],
      ['listing', /<listing/i],
      ['plaintext', /<plaintext/i],
      ['comments', /<!--/],
      ['CDATA', /<!\[CDATA\[/],
      ['math>mtext>table>mglyph>style', /<math><mtext><table><mglyph><style>/],
      ...['__proto__', 'getElementById', 'location', 'attributes', 'cookie', 'body', 'forms', 'createElement', 'documentElement', 'nodeType'].map(
        (name): [string, RegExp] => [`clobbering ${name}`, new RegExp(`(?:id|name)="?${name.replace(/_/g, '_')}\\b`)],
      ),
    ];
    const missing = families.filter(([, re]) => !re.test(all)).map(([name]) => name);
    expect(missing).toEqual([]);
  });

  it('names only vectors that exist in KNOWN_FAILURES', () => {
    const ids = new Set(XSS_VECTORS.flatMap((v) => CONTEXTS.map((c) => `${c}:${v.id}`)));
    expect(Object.keys(KNOWN_FAILURES).filter((k) => !ids.has(k))).toEqual([]);
  });
});
