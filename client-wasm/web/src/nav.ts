/**
 * The app's own history entries, so the browser's Back button and Android's back gesture go
 * to the previous screen instead of leaving the app.
 *
 * What a screen shows (a document's id, a view) stays in this page's memory: a history entry
 * holds only its position and a random number for this page's life (`{ pde, gen }`), and the
 * address never changes. The browser writes history entries to disk (session restore), so
 * nothing there may say what was open. After a reload, or once the wallet was closed
 * (`forget`), older entries lead to the start page.
 */
import { useEffect, useState } from 'preact/hooks';

export type Snapshot = Readonly<Record<string, unknown>>;

interface EntryState {
  pde: number;
  gen: string;
}

let generation = newGeneration();
let entries: Snapshot[] = [{}];
let index = 0;
const listeners = new Set<() => void>();
let started = false;

/**
 * Decides a Back or Forward move before it is shown: return false to stay where one is (the
 * move is undone with a new entry for the current screen).
 */
type Guard = (from: Snapshot, to: Snapshot) => boolean;
let guard: Guard | null = null;

function newGeneration(): string {
  const b = new Uint32Array(2);
  crypto.getRandomValues(b);
  return `${b[0]!.toString(36)}${b[1]!.toString(36)}`;
}

function sameEntry(a: Snapshot, b: Snapshot): boolean {
  const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
  for (const k of keys) if (JSON.stringify(a[k]) !== JSON.stringify(b[k])) return false;
  return true;
}

function notify() {
  for (const l of [...listeners]) l();
}

function state(i: number): EntryState {
  return { pde: i, gen: generation };
}

function onPopState(e: PopStateEvent) {
  const s = e.state as Partial<EntryState> | null;
  if (!s || s.gen !== generation || typeof s.pde !== 'number' || !entries[s.pde]) {
    // An entry from before a reload or before the wallet was closed: the start page.
    const from = entries[index]!;
    if (guard && !guard(from, {})) {
      history.pushState(state(index), '');
      return;
    }
    entries = [{}];
    index = 0;
    history.replaceState(state(0), '');
    notify();
    return;
  }
  const to = entries[s.pde]!;
  if (guard && !guard(entries[index]!, to)) {
    // Stay: the current screen becomes the newest entry again.
    const here = entries[index]!;
    index = s.pde + 1;
    entries = [...entries.slice(0, index), here];
    history.pushState(state(index), '');
    return;
  }
  index = s.pde;
  notify();
}

/** Starts listening (once per page); the page's first entry becomes this app's first screen. */
export function startHistory() {
  if (started) return;
  started = true;
  history.scrollRestoration = 'manual';
  history.replaceState(state(0), '');
  window.addEventListener('popstate', onPopState);
}

export function current(): Snapshot {
  return entries[index]!;
}

/**
 * A new history entry: the current one with `patch` applied. Going to exactly what the entry
 * before shows (a Close, "back to the list") is the browser's Back instead, so Back afterwards
 * does not reopen what was just closed.
 */
export function navigate(patch: Record<string, unknown>) {
  const next = { ...entries[index], ...patch };
  if (index > 0 && sameEntry(next, entries[index - 1]!)) {
    history.back();
    return;
  }
  index += 1;
  entries = [...entries.slice(0, index), next];
  history.pushState(state(index), '');
  notify();
}

/**
 * Goes back to the nearest earlier entry for which `test` holds (as the browser's Back would),
 * or adds an entry with `patch` when there is none.
 */
export function backTo(test: (s: Snapshot) => boolean, patch: Record<string, unknown>) {
  for (let i = index - 1; i >= 0; i--) {
    if (test(entries[i]!)) {
      history.go(i - index);
      return;
    }
  }
  navigate(patch);
}

/** Changes the current entry without adding one. */
export function replace(patch: Record<string, unknown>) {
  entries = [...entries];
  entries[index] = { ...entries[index], ...patch };
  history.replaceState(state(index), '');
  notify();
}

/** Forgets every entry: Back from here leads to the start page (after Quit, on lock). */
export function forget(snapshot: Snapshot = {}) {
  generation = newGeneration();
  entries = [snapshot];
  index = 0;
  history.replaceState(state(0), '');
  notify();
}

export function setGuard(g: Guard | null) {
  guard = g;
}

/**
 * A value kept in the history entries: `set` adds an entry (Back returns to the value before),
 * `swap` changes it in place.
 */
export function useNav<T>(key: string, initial: T): [T, (v: T) => void, (v: T) => void] {
  const [, setTick] = useState(0);
  useEffect(() => {
    const l = () => setTick((n) => n + 1);
    listeners.add(l);
    return () => {
      listeners.delete(l);
    };
  }, []);
  const v = current()[key];
  // The initial value is kept as "nothing", as in an entry made before this screen set any.
  const stored = (x: T) => (JSON.stringify(x) === JSON.stringify(initial) ? undefined : x);
  return [v === undefined ? initial : (v as T), (x) => navigate({ [key]: stored(x) }), (x) => replace({ [key]: stored(x) })];
}
