/**
 * callPage's protocol with the tab, against a stand-in for scripting.executeScript that runs the injected function in
 * this realm's global object (as the isolated world's) and "injects" a bundle by providing its functions and ending
 * on its pending call, as the built bundles do. Counts the round trips, and how many times the page function ran.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { PAGE_API_GLOBAL, PAGE_PENDING_GLOBAL, providePageApi, runPendingCall } from '../src/page-api';

interface Injection {
  func?: (...args: unknown[]) => unknown;
  args?: unknown[];
  files?: string[];
}

const executeScript = vi.fn<(injection: Injection) => Promise<{ result: unknown }[]>>();
vi.mock('webextension-polyfill', () => ({ default: { scripting: { executeScript: (i: Injection) => executeScript(i) } } }));

const { callPage } = await import('../src/platform/tab-tasks');

let toasts: string[] = [];
/** Whether the stand-in browser hands over the value of an injected file (a promise's, once settled). */
let handsOverFileValue = true;

function loadBundle(): unknown {
  providePageApi({
    toast: (message: string) => void toasts.push(message),
    extract: () => Promise.resolve({ ok: false, reason: 'error', message: `extracted ${toasts.length}` }),
  });
  return runPendingCall();
}

beforeEach(() => {
  toasts = [];
  handsOverFileValue = true;
  executeScript.mockReset();
  executeScript.mockImplementation(async ({ func, args, files }) => {
    if (files) {
      const value = await loadBundle();
      return [{ result: handsOverFileValue ? JSON.parse(JSON.stringify(value ?? null)) : null }];
    }
    return [{ result: JSON.parse(JSON.stringify((await func!(...args!)) ?? null)) }];
  });
});

afterEach(() => {
  const g = globalThis as Record<string, unknown>;
  delete g[PAGE_API_GLOBAL];
  delete g[PAGE_PENDING_GLOBAL];
});

describe('callPage', () => {
  it('injects the bundle and gets the answer in two round trips, the function run once', async () => {
    await callPage(1, 'toast', 'hello', 'ok');
    expect(executeScript).toHaveBeenCalledTimes(2);
    expect(executeScript.mock.calls[1]![0].files).toEqual(['page-bundle.js']);
    expect(toasts).toEqual(['hello']);
  });

  it('gives the function’s result on the first call', async () => {
    expect(await callPage(1, 'extract', {})).toEqual({ ok: false, reason: 'error', message: 'extracted 0' });
  });

  it('calls in one round trip once the bundle is there, and leaves no stale call behind', async () => {
    await callPage(1, 'toast', 'one', 'ok');
    executeScript.mockClear();
    await callPage(1, 'toast', 'two', 'ok');
    expect(executeScript).toHaveBeenCalledTimes(1);
    expect(toasts).toEqual(['one', 'two']);
    expect(Object.getOwnPropertyDescriptor(globalThis, PAGE_PENDING_GLOBAL)).toBeUndefined();
  });

  it('takes the result the bundle made when the browser does not hand it over, without running it twice', async () => {
    handsOverFileValue = false;
    await callPage(1, 'toast', 'once', 'ok');
    expect(toasts).toEqual(['once']);
    // Probe, inject, take the result.
    expect(executeScript).toHaveBeenCalledTimes(3);
    expect(Object.getOwnPropertyDescriptor(globalThis, PAGE_PENDING_GLOBAL)).toBeUndefined();
  });
});
