/** Localised strings from _locales (zh_CN by default, en): `t('key', ...substitutions)`. */
import browser from './platform/browser';

export function t(key: string, ...substitutions: (string | number)[]): string {
  return browser.i18n.getMessage(key, substitutions.map(String)) || key;
}
