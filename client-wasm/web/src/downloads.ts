/**
 * Whether this page saved a decrypted file to the computer. A download leaves the file in the
 * browser's downloads folder, where Quit cannot reach it: once one happened, the closing
 * screens must not say that nothing remains. Kept in memory only, for the page's lifetime.
 */
let downloaded = false;

/** Called right before a decrypted file is handed to the browser's downloads. */
export function noteDownload(): void {
  downloaded = true;
}

export function downloadHappened(): boolean {
  return downloaded;
}

/**
 * The message id of the notice after the wallet closes (Quit, idle, or its crypto worker gone).
 * On a shared computer the idle lock comes sooner, and the notice says so.
 */
export function closedNotice(reason: 'quit' | 'idle' | 'lost', afterDownload: boolean = downloaded, shared: boolean = false): string {
  if (reason === 'lost') return 'locked-lost';
  if (reason === 'idle' && shared) return afterDownload ? 'locked-idle-shared-downloaded' : 'locked-idle-shared';
  if (reason === 'idle') return afterDownload ? 'locked-idle-downloaded' : 'locked-idle';
  return afterDownload ? 'locked-quit-downloaded' : 'locked-quit';
}

/** The message id of the text after a link visitor quits. */
export function linkClosedText(afterDownload: boolean = downloaded): string {
  return afterDownload ? 'link-closed-text-downloaded' : 'link-closed-text';
}
