import { describe, expect, it } from 'vitest';
import { ESCAPE_WINDOW_MS, EscapeCounter } from './quick-exit';

describe('EscapeCounter', () => {
  it('fires on the third press within the window, and starts again after', () => {
    const c = new EscapeCounter();
    expect(c.press(0, false)).toBe(false);
    expect(c.press(400, false)).toBe(false);
    expect(c.press(900, false)).toBe(true);
    expect(c.press(1000, false)).toBe(false);
  });

  it('does not fire when the presses are spread out, nor on a held key', () => {
    const c = new EscapeCounter();
    expect(c.press(0, false)).toBe(false);
    expect(c.press(1000, false)).toBe(false);
    expect(c.press(ESCAPE_WINDOW_MS + 1, false)).toBe(false); // the first press is too old
    expect(c.press(ESCAPE_WINDOW_MS + 50, false)).toBe(true);
    const held = new EscapeCounter();
    expect(held.press(0, false)).toBe(false);
    for (let t = 30; t < 1000; t += 30) expect(held.press(t, true)).toBe(false);
  });
});
