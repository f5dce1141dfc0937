/**
 * Keeps the focused control fully in view below the sticky header (WCAG 2.4.11, focus not
 * obscured). The browser scrolls a control into view when it takes the focus, but Chromium
 * leaves one that is already mostly visible where it is, a few pixels past the bottom edge
 * or under the header; this scrolls it the rest of the way (scroll-margin in styles.css keeps
 * it clear of the header). Controls in the header and in dialogs are left to the browser.
 */
export function keepFocusInView(header: () => HTMLElement | null): () => void {
  const onFocus = (e: FocusEvent) => {
    const el = e.target;
    if (!(el instanceof HTMLElement) || el.closest('header, dialog')) return;
    const r = el.getBoundingClientRect();
    const below = header()?.getBoundingClientRect().bottom ?? 0;
    // Taller than the room below the header: it cannot be fully in view; leave it.
    if (r.height === 0 || r.height > window.innerHeight - below) return;
    if (r.top < below || r.bottom > window.innerHeight) el.scrollIntoView({ block: 'nearest' });
  };
  document.addEventListener('focusin', onFocus);
  return () => document.removeEventListener('focusin', onFocus);
}
