import { describe, expect, it } from 'vitest';
import type { WorkerCard } from '../api';
import type { MadeLink } from '../session';
import { DEFAULT_DURATION } from '../sharing';
import { MAX_SHARED, initialShare, linkPin, pickedAmong, shareReducer, type ShareAction, type ShareState } from './flow';

const WORKER: WorkerCard = {
  id: 'w1',
  code: 'B8Y9-W7S7-8',
  organisation: 'Samusocial',
  real_name: 'Nadia Peeters',
  verified: true,
  recipient: 'age1example',
};
const LINK: MadeLink = { id: 's1', url: 'https://pde.example/s/s1#secret', expiresAt: 1_800_000_000, opensAt: null };
const DOCS = ['a', 'b', 'c'];

const run = (state: ShareState, ...actions: ShareAction[]) => actions.reduce(shareReducer, state);
const start = () => initialShare('123456');
/** The state on a step, reached the way a person reaches it. */
const at = {
  who: () => run(start(), { type: 'toggle', id: 'a', on: true }, { type: 'docsNext', available: DOCS }),
  check: () => run(at.who(), { type: 'workerFound', worker: WORKER }),
  details: () => run(at.check(), { type: 'confirmWorker' }),
  link: () => run(at.who(), { type: 'chooseLink' }),
};

describe('share flow: documents', () => {
  it('starts on the documents, nothing picked, a PIN ready, the default duration', () => {
    const s = start();
    expect(s).toMatchObject({ step: 'docs', picked: [], usePin: true, pin: '123456', duration: DEFAULT_DURATION, error: null });
  });

  it('ticks and unticks documents', () => {
    const s = run(start(), { type: 'toggle', id: 'b', on: true }, { type: 'toggle', id: 'a', on: true }, { type: 'toggle', id: 'b', on: false });
    expect(s.picked).toEqual(['a']);
    // Ticking a ticked one again changes nothing.
    expect(shareReducer(s, { type: 'toggle', id: 'a', on: true })).toBe(s);
  });

  it('Next with nothing picked says so and stays', () => {
    const s = run(start(), { type: 'docsNext', available: DOCS });
    expect(s.step).toBe('docs');
    expect(s.error).toBe('err-share-pick');
    // A second press is a new failure (the message takes the focus again).
    expect(run(s, { type: 'docsNext', available: DOCS }).failures).toBe(s.failures + 1);
  });

  it('a picked document that is no longer shareable does not count', () => {
    const s = run(start(), { type: 'toggle', id: 'gone', on: true }, { type: 'docsNext', available: DOCS });
    expect(s.error).toBe('err-share-pick');
  });

  it(`Next with more than ${MAX_SHARED} documents says so and stays`, () => {
    const ids = Array.from({ length: MAX_SHARED + 1 }, (_, i) => `d${i}`);
    const many = run(start(), ...ids.map((id): ShareAction => ({ type: 'toggle', id, on: true })));
    const s = run(many, { type: 'docsNext', available: ids });
    expect(s).toMatchObject({ step: 'docs', error: 'err-share-too-many' });
    // Exactly the limit goes on.
    const fewer = run(many, { type: 'toggle', id: 'd0', on: false }, { type: 'docsNext', available: ids });
    expect(fewer).toMatchObject({ step: 'who', error: null });
  });

  it('Next after an error clears it', () => {
    const s = run(start(), { type: 'docsNext', available: DOCS }, { type: 'toggle', id: 'c', on: true }, { type: 'docsNext', available: DOCS });
    expect(s).toMatchObject({ step: 'who', error: null });
  });

  it('the documents picked keep the list order', () => {
    const s = run(start(), { type: 'toggle', id: 'c', on: true }, { type: 'toggle', id: 'a', on: true });
    expect(pickedAmong(s, DOCS.map((id) => ({ id }))).map((d) => d.id)).toEqual(['a', 'c']);
  });

  it('Back on the documents is not the reducer’s (the screen leaves the flow)', () => {
    const s = start();
    expect(shareReducer(s, { type: 'back' })).toBe(s);
  });
});

describe('share flow: with a worker', () => {
  it('a worker found goes to the check', () => {
    expect(at.check()).toMatchObject({ step: 'check', worker: WORKER });
  });

  it('Back from who returns to the documents, the choice kept', () => {
    const s = run(at.who(), { type: 'back' });
    expect(s).toMatchObject({ step: 'docs', picked: ['a'] });
  });

  it('"not this person" on the check forgets the worker and returns to who', () => {
    const s = run(at.check(), { type: 'back' });
    expect(s).toMatchObject({ step: 'who', worker: null });
  });

  it('yes on the check goes to duration and note', () => {
    expect(at.details().step).toBe('details');
  });

  it('duration and note are kept as typed, and Back from the details returns to the check', () => {
    const s = run(
      at.details(),
      { type: 'duration', duration: 'week' },
      { type: 'noteFrom', value: 'Ali' },
      { type: 'noteText', value: 'for the CPAS' },
    );
    expect(s).toMatchObject({ duration: 'week', noteFrom: 'Ali', noteText: 'for the CPAS' });
    expect(run(s, { type: 'back' })).toMatchObject({ step: 'check', worker: WORKER, duration: 'week', noteText: 'for the CPAS' });
  });

  it('the share made shows the end time; the note text is gone, "from" stays', () => {
    const s = run(at.details(), { type: 'noteFrom', value: 'Ali' }, { type: 'noteText', value: 'x' }, { type: 'sharedWithWorker', expiresAt: 42 });
    expect(s).toMatchObject({ step: 'done', endsAt: 42, noteText: '', noteFrom: 'Ali' });
    // Done is the end: Back does nothing there.
    expect(shareReducer(s, { type: 'back' })).toBe(s);
  });

  it('a worker or a share result arriving on another step is ignored', () => {
    const docs = start();
    expect(shareReducer(docs, { type: 'workerFound', worker: WORKER })).toBe(docs);
    expect(shareReducer(docs, { type: 'sharedWithWorker', expiresAt: 1 })).toBe(docs);
    expect(shareReducer(docs, { type: 'confirmWorker' })).toBe(docs);
    const link = at.link();
    expect(shareReducer(link, { type: 'sharedWithWorker', expiresAt: 1 })).toBe(link);
  });
});

describe('share flow: as a link', () => {
  it('choosing a link goes to its options with the default duration', () => {
    const s = run(at.who(), { type: 'chooseLink' });
    expect(s).toMatchObject({ step: 'link', duration: DEFAULT_DURATION, usePin: true });
  });

  it('a duration chosen for a worker is not carried into a link', () => {
    const s = run(at.details(), { type: 'duration', duration: 'month' }, { type: 'back' }, { type: 'back' }, { type: 'chooseLink' });
    expect(s).toMatchObject({ step: 'link', duration: DEFAULT_DURATION });
  });

  it('Back from the link options returns to who', () => {
    expect(run(at.link(), { type: 'back' }).step).toBe('who');
  });

  it('the PIN made ready is the one used', () => {
    expect(linkPin(at.link())).toBe('123456');
  });

  it('a PIN typed with spaces is read as its digits; a short one is refused with a message', () => {
    expect(linkPin(run(at.link(), { type: 'pin', value: '654 321' }))).toBe('654321');
    const short = run(at.link(), { type: 'pin', value: '12' });
    expect(linkPin(short)).toBeUndefined();
    const s = run(short, { type: 'pinInvalid' });
    expect(s).toMatchObject({ step: 'link', error: 'err-pin-format' });
    expect(run(s, { type: 'pin', value: '111222' }, { type: 'pinValid' }).error).toBeNull();
  });

  it('no PIN: the link is made without one', () => {
    const s = run(at.link(), { type: 'usePin', on: false, fresh: '999999' });
    expect(s.usePin).toBe(false);
    expect(linkPin(s)).toBeNull();
  });

  it('turning the PIN back on keeps a valid PIN, and draws a new one over an invalid one', () => {
    const off = run(at.link(), { type: 'usePin', on: false, fresh: '999999' });
    expect(run(off, { type: 'usePin', on: true, fresh: '999999' }).pin).toBe('123456');
    const broken = run(at.link(), { type: 'pin', value: '1' }, { type: 'usePin', on: false, fresh: '000000' });
    expect(run(broken, { type: 'usePin', on: true, fresh: '999999' }).pin).toBe('999999');
  });

  it('the link made is shown with the PIN it was made with', () => {
    const s = run(at.link(), { type: 'pin', value: '654 321' }, { type: 'linkMade', link: LINK, pin: '654321' });
    expect(s).toMatchObject({ step: 'link-done', link: LINK, pin: '654321' });
    const none = run(at.link(), { type: 'usePin', on: false, fresh: '1' }, { type: 'linkMade', link: LINK, pin: null });
    expect(none).toMatchObject({ step: 'link-done', pin: '', usePin: false });
    expect(shareReducer(none, { type: 'back' })).toBe(none);
  });

  it('a link result arriving on another step is ignored', () => {
    const s = at.details();
    expect(shareReducer(s, { type: 'linkMade', link: LINK, pin: null })).toBe(s);
  });
});

describe('share flow: appointments', () => {
  it('ends with the appointment card, for a worker and for a link, and keeps the window', () => {
    const worker = run(
      at.details(),
      { type: 'appointment', on: true },
      { type: 'window', day: '2026-11-24', from: '10:00' },
      { type: 'window', until: '12:00' },
      { type: 'sharedWithWorker', expiresAt: 1_795_600_000, opensAt: 1_795_592_800 },
    );
    expect(worker).toMatchObject({ step: 'card', appointment: true, day: '2026-11-24', from: '10:00', until: '12:00', opensAt: 1_795_592_800, endsAt: 1_795_600_000 });
    const link = run(at.link(), { type: 'appointment', on: true }, { type: 'linkMade', link: { ...LINK, opensAt: 1_795_592_800 }, pin: '123456' });
    expect(link).toMatchObject({ step: 'card', opensAt: 1_795_592_800, endsAt: LINK.expiresAt, pin: '123456' });
    // Without a window, the usual last steps.
    expect(run(at.details(), { type: 'sharedWithWorker', expiresAt: 5, opensAt: null }).step).toBe('done');
    expect(run(at.link(), { type: 'linkMade', link: LINK, pin: null }).step).toBe('link-done');
  });

  it('says what is wrong with a window, and a change of it clears the message', () => {
    const s = run(at.details(), { type: 'appointment', on: true }, { type: 'windowInvalid', problem: 'ends_before_start' });
    expect(s).toMatchObject({ step: 'details', error: 'err-appt-ends_before_start' });
    expect(s.failures).toBe(1);
    expect(run(s, { type: 'window', until: '12:00' }).error).toBeNull();
  });

  it('the card has no way back into the flow', () => {
    const s = run(at.details(), { type: 'sharedWithWorker', expiresAt: 5, opensAt: 2 });
    expect(shareReducer(s, { type: 'back' })).toBe(s);
  });
});
