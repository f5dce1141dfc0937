import { beforeEach, describe, expect, it, vi } from 'vitest';

/** A browser history in memory: entries of { state }, popstate fired on go(). */
function fakeBrowser() {
  const entries: { state: unknown }[] = [{ state: null }];
  let at = 0;
  const listeners: ((e: { state: unknown }) => void)[] = [];
  const history = {
    scrollRestoration: 'auto',
    get state() {
      return entries[at]!.state;
    },
    pushState(state: unknown, _title: string, url?: string) {
      if (url !== undefined) throw new Error('the address must not change');
      entries.splice(at + 1);
      entries.push({ state: structuredClone(state) });
      at = entries.length - 1;
    },
    replaceState(state: unknown, _title: string, url?: string) {
      if (url !== undefined) throw new Error('the address must not change');
      entries[at] = { state: structuredClone(state) };
    },
    go(n: number) {
      at = Math.max(0, Math.min(entries.length - 1, at + n));
      for (const l of listeners) l({ state: entries[at]!.state });
    },
    back() {
      this.go(-1);
    },
  };
  const window = { addEventListener: (_: string, l: (e: { state: unknown }) => void) => listeners.push(l) };
  return { history, window, entries, position: () => at };
}

let browser: ReturnType<typeof fakeBrowser>;
let nav: typeof import('./nav');

beforeEach(async () => {
  browser = fakeBrowser();
  vi.stubGlobal('history', browser.history);
  vi.stubGlobal('window', browser.window);
  vi.resetModules();
  nav = await import('./nav');
  nav.startHistory();
});

describe('history entries', () => {
  it('hold only a position and a number, whatever the screen shows', () => {
    nav.navigate({ screen: 'wallet' });
    nav.navigate({ wallet: { kind: 'doc', id: 'secret-document-id' } });
    for (const e of browser.entries) expect(Object.keys(e.state as object).sort()).toEqual(['gen', 'pde']);
    expect(JSON.stringify(browser.entries)).not.toContain('secret-document-id');
  });

  it('Back and Forward show the screens again', () => {
    nav.navigate({ screen: 'wallet' });
    nav.navigate({ wallet: { kind: 'doc', id: 'd1' } });
    browser.history.back();
    expect(nav.current()).toEqual({ screen: 'wallet' });
    browser.history.go(1);
    expect(nav.current()).toEqual({ screen: 'wallet', wallet: { kind: 'doc', id: 'd1' } });
  });

  it('going to what the previous entry shows is Back, so Back afterwards does not reopen it', () => {
    nav.navigate({ screen: 'wallet' });
    nav.navigate({ wallet: { kind: 'doc', id: 'd1' } });
    nav.navigate({ wallet: undefined });
    expect(browser.position()).toBe(1);
    expect(nav.current()).toEqual({ screen: 'wallet' });
  });

  it('entries from before forget() lead to the start page', () => {
    nav.navigate({ screen: 'wallet' });
    nav.navigate({ wallet: { kind: 'doc', id: 'd1' } });
    nav.forget({ screen: 'start' });
    browser.history.back();
    expect(nav.current()).toEqual({});
    expect(JSON.stringify(nav.current())).not.toContain('d1');
  });

  it('a guard can refuse a move: the screen stays and is the newest entry again', () => {
    nav.navigate({ screen: 'wallet' });
    const asked: unknown[] = [];
    nav.setGuard((_from, to) => {
      asked.push(to);
      return false;
    });
    browser.history.back();
    expect(asked).toEqual([{}]);
    expect(nav.current()).toEqual({ screen: 'wallet' });
    expect(browser.position()).toBe(1);
    nav.setGuard(null);
    browser.history.back();
    expect(nav.current()).toEqual({});
  });
});
