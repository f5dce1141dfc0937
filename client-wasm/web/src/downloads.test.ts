import { describe, expect, it } from 'vitest';
import { closedNotice, downloadHappened, linkClosedText, noteDownload } from './downloads';

describe('closing notices after a download', () => {
  it('say "nothing remains" only while no file was downloaded', () => {
    expect(closedNotice('quit', false)).toBe('locked-quit');
    expect(closedNotice('idle', false)).toBe('locked-idle');
    expect(linkClosedText(false)).toBe('link-closed-text');
    expect(closedNotice('quit', true)).toBe('locked-quit-downloaded');
    expect(closedNotice('idle', true)).toBe('locked-idle-downloaded');
    expect(linkClosedText(true)).toBe('link-closed-text-downloaded');
  });

  it('say 3 minutes after an idle lock on a shared computer', () => {
    expect(closedNotice('idle', false, true)).toBe('locked-idle-shared');
    expect(closedNotice('idle', true, true)).toBe('locked-idle-shared-downloaded');
    expect(closedNotice('quit', false, true)).toBe('locked-quit');
  });

  it('remember a download for the rest of the page', () => {
    expect(downloadHappened()).toBe(false);
    expect(closedNotice('quit')).toBe('locked-quit');
    noteDownload();
    expect(downloadHappened()).toBe(true);
    expect(closedNotice('quit')).toBe('locked-quit-downloaded');
    expect(linkClosedText()).toBe('link-closed-text-downloaded');
  });
});
