/**
 * Quick exit: a button in the header of every screen, and the Escape key pressed three times
 * in a row. It closes whatever is open as Quit does (the crypto worker and its keys are
 * ended), drops the page's state, and replaces the page with a blank one.
 *
 * The blank page is `about:blank`: it shows nothing of the service (no address, no title, no
 * request to it or to anyone else), it replaces the app's history entry (`location.replace`),
 * and a blank tab is what a browser shows every day. Back from it loads the app afresh: a page
 * whose history entry was replaced is not kept in the back-forward cache (and, should a browser
 * keep it, it reloads when shown again): the start page, with nothing open.
 */
import { render } from 'preact';
import { useEffect, useRef } from 'preact/hooks';
import { endSpareCrypto } from './crypto-client';
import { useI18n } from './ui';

/** Presses of Escape, and the time they must fit in, that make a quick exit. */
export const ESCAPE_PRESSES = 3;
export const ESCAPE_WINDOW_MS = 1500;

/** Where the quick exit goes. */
export const EXIT_ADDRESS = 'about:blank';

/**
 * Counts presses of Escape; true on the one that completes ESCAPE_PRESSES within
 * ESCAPE_WINDOW_MS. A key held down (auto-repeat) counts once.
 */
export class EscapeCounter {
  private times: number[] = [];

  press(now: number, repeat: boolean): boolean {
    if (repeat) return false;
    this.times = [...this.times.filter((t) => now - t < ESCAPE_WINDOW_MS), now];
    if (this.times.length < ESCAPE_PRESSES) return false;
    this.times = [];
    return true;
  }
}

/**
 * Leaves at once: ends the spare crypto worker, unmounts the app (every component's state goes),
 * empties the document, and replaces this history entry with the blank page. The caller has
 * already locked what was open.
 */
export function leaveNow(root: HTMLElement | null): void {
  // Should a browser still keep this page in its back-forward cache, Back would bring back
  // this emptied document: load the app afresh instead.
  window.addEventListener('pageshow', (e) => {
    if (e.persisted) location.reload();
  });
  endSpareCrypto();
  if (root) render(null, root);
  document.title = '';
  document.body.replaceChildren();
  location.replace(EXIT_ADDRESS);
}

/** Calls `onExit` when Escape is pressed three times quickly, on any screen. */
export function useTripleEscape(onExit: () => void): void {
  const exit = useRef(onExit);
  exit.current = onExit;
  useEffect(() => {
    const counter = new EscapeCounter();
    // Capture: a dialog that handles Escape itself (and closes) still counts the press.
    const key = (e: KeyboardEvent) => {
      if (e.key !== 'Escape') return;
      if (counter.press(performance.now(), e.repeat)) exit.current();
    };
    window.addEventListener('keydown', key, { capture: true });
    return () => window.removeEventListener('keydown', key, { capture: true });
  }, []);
}

/** The header's quick exit button; its description tells of the Escape key too. */
export function QuickExitButton(props: { onExit: () => void }) {
  const { t } = useI18n();
  return (
    <>
      <button type="button" class="quick-exit" aria-describedby="quick-exit-help" onClick={props.onExit}>
        {t('quick-exit')}
      </button>
      <span id="quick-exit-help" class="visually-hidden">
        {t('quick-exit-help')}
      </span>
    </>
  );
}
