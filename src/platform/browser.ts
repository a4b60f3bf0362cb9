/** The only import of webextension-polyfill: every extension API goes through `browser` from here. */
import browser from 'webextension-polyfill';

export default browser;
export type { Runtime, Tabs, Menus, Scripting } from 'webextension-polyfill';
