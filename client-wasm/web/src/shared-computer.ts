/**
 * "I am on a shared computer", ticked on the start page: remembered for this tab only
 * (sessionStorage: it ends with the tab, and it is a yes or no, nothing about the person).
 * While it is on, the wallet locks itself sooner, printing asks first, and the closing screens
 * remind the person to close the browser.
 */
import { useEffect, useState } from 'preact/hooks';

const KEY = 'pde-shared-computer';

/** Inactivity before an open wallet locks itself, and when the warning shows, in each mode. */
export const IDLE = {
  normal: { lockMs: 10 * 60 * 1000, warnMs: 9 * 60 * 1000 },
  shared: { lockMs: 3 * 60 * 1000, warnMs: 2 * 60 * 1000 },
} as const;

const listeners = new Set<() => void>();

/** Whether the person said, in this tab, that the computer is shared. */
export function isSharedComputer(): boolean {
  try {
    return sessionStorage.getItem(KEY) === '1';
  } catch {
    // Storage refused (a privacy setting): the choice holds for this page only.
    return fallback;
  }
}

let fallback = false;

/** Records the choice for this tab. */
export function setSharedComputer(on: boolean): void {
  fallback = on;
  try {
    if (on) sessionStorage.setItem(KEY, '1');
    else sessionStorage.removeItem(KEY);
  } catch {
    /* kept in memory only (above) */
  }
  markDocument();
  for (const f of [...listeners]) f();
}

/**
 * Marks the page while the mode is on: printing by the browser's own menu or Ctrl+P then shows
 * only a note saying to use the Print button (styles.css, `.print-blocked`), because only that
 * button warns first that the printer or the computer may keep a copy.
 */
function markDocument(): void {
  if (typeof document === 'undefined') return;
  document.documentElement.classList.toggle('shared-computer', isSharedComputer());
}
markDocument();

/**
 * Prints the page as it is, past the shared-computer note above: for the Print buttons, once
 * the person has agreed. Chromium's print() returns when the print dialog closes; `afterprint`
 * covers browsers where it returns sooner.
 */
export function printPage(): void {
  const root = document.documentElement;
  root.dataset.print = 'allowed';
  const done = () => {
    delete root.dataset.print;
  };
  window.addEventListener('afterprint', done, { once: true });
  window.print();
}

/** The idle-lock timings for the mode chosen in this tab. */
export function idleTimings(): { lockMs: number; warnMs: number } {
  return isSharedComputer() ? IDLE.shared : IDLE.normal;
}

/** The choice, re-rendering the calling component when it changes. */
export function useSharedComputer(): boolean {
  const [on, setOn] = useState(isSharedComputer);
  useEffect(() => {
    const f = () => setOn(isSharedComputer());
    listeners.add(f);
    return () => {
      listeners.delete(f);
    };
  }, []);
  return on;
}
