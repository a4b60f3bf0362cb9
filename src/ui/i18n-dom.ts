/** Fills `data-i18n` (text) and `data-i18n-aria` (accessible name) from the locale files. */
import { t } from '../i18n';
import browser from '../platform/browser';

export function localize(root: ParentNode): void {
  for (const el of root.querySelectorAll<HTMLElement>('[data-i18n]')) el.textContent = t(el.dataset.i18n!);
  for (const el of root.querySelectorAll<HTMLElement>('[data-i18n-aria]')) el.setAttribute('aria-label', t(el.dataset.i18nAria!));
  for (const el of root.querySelectorAll<HTMLElement>('[data-i18n-title]')) el.title = t(el.dataset.i18nTitle!);
  for (const img of root.querySelectorAll<HTMLImageElement>('img.logo')) img.src = browser.runtime.getURL('icons/icon-48.png');
  const lang = t('langTag');
  if (lang !== 'langTag') document.documentElement.lang = lang;
}
