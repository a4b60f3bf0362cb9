/** Settings from storage.sync: what is stored and valid is kept, anything else falls back to its default. */
import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS, normalizeSettings } from '../src/settings';

describe('normalizeSettings', () => {
  it('gives the defaults for nothing stored: no reference attached', () => {
    expect(normalizeSettings(undefined)).toEqual(DEFAULT_SETTINGS);
    expect(DEFAULT_SETTINGS.attachReference).toBe('none');
  });

  it('keeps 附加引用 at the top or the end, and drops any other value', () => {
    expect(normalizeSettings({ attachReference: 'top' }).attachReference).toBe('top');
    expect(normalizeSettings({ attachReference: 'end' }).attachReference).toBe('end');
    for (const bad of ['bottom', 'TOP', true, 1, null, {}]) expect(normalizeSettings({ attachReference: bad }).attachReference).toBe('none');
  });

  it('keeps the other settings beside it', () => {
    const stored = { defaultFormat: 'md', bom: true, crlf: true, metadataHeader: false, attachReference: 'end', fontSize: 22, theme: 'dark' };
    expect(normalizeSettings(stored)).toEqual(stored);
  });
});
