import { describe, expect, it } from 'vitest';
import type { WorkerCard } from '../api';
import { DEFAULT_THRESHOLD, MAX_HELPERS, canSave, helpersReducer, initialHelpers, thresholdChoices, type HelpersAction, type HelpersState } from './flow';

const worker = (id: string, verified = true): WorkerCard => ({
  id,
  code: 'B8Y9-W7S7-8',
  organisation: 'Samusocial',
  real_name: `Worker ${id}`,
  verified,
  recipient: 'age1example',
});

const run = (state: HelpersState, ...actions: HelpersAction[]) => actions.reduce(helpersReducer, state);
const addWorker = (w: WorkerCard): HelpersAction[] => [{ type: 'addWorker' }, { type: 'workerFound', worker: w }, { type: 'confirmWorker' }];
const addCard = (label: string): HelpersAction[] => [{ type: 'addCard' }, { type: 'label', value: label }, { type: 'cardNamed' }];

describe('choosing helpers', () => {
  it('starts with no helper and 2 needed, and cannot be saved empty', () => {
    expect(initialHelpers.step).toBe('list');
    expect(initialHelpers.threshold).toBe(DEFAULT_THRESHOLD);
    expect(initialHelpers.threshold).toBe(2);
    expect(canSave(initialHelpers)).toBe(false);
    expect(run(initialHelpers, { type: 'saveInvalid' }).error).toBe('helpers-need-two');
  });

  it('a verified worker and two paper cards make a 2-of-3 set that can be saved', () => {
    const s = run(initialHelpers, ...addWorker(worker('a')), ...addCard('Day centre'), ...addCard('  Sam  '));
    expect(s.step).toBe('list');
    expect(s.helpers).toEqual([{ kind: 'worker', worker: worker('a') }, { kind: 'card', label: 'Day centre' }, { kind: 'card', label: 'Sam' }]);
    expect(s.threshold).toBe(2);
    expect(canSave(s)).toBe(true);
    expect(thresholdChoices(s.helpers.length)).toEqual([2, 3]);
  });

  it('goes through the check step before a worker is added, and back from it to the code', () => {
    const found = run(initialHelpers, { type: 'addWorker' }, { type: 'workerFound', worker: worker('a') });
    expect(found.step).toBe('check');
    expect(found.helpers).toEqual([]);
    const back = run(found, { type: 'back' });
    expect(back.step).toBe('worker');
    expect(back.found).toBeNull();
    expect(run(back, { type: 'back' }).step).toBe('list');
  });

  it('refuses an unverified worker, and the same worker twice', () => {
    const unverified = run(initialHelpers, { type: 'addWorker' }, { type: 'workerFound', worker: worker('u', false) }, { type: 'confirmWorker' });
    expect(unverified.step).toBe('check');
    expect(unverified.helpers).toEqual([]);
    expect(unverified.error).toBe('helpers-worker-unverified');
    const twice = run(initialHelpers, ...addWorker(worker('a')), ...addWorker(worker('a')));
    expect(twice.helpers).toHaveLength(1);
    expect(twice.error).toBe('helpers-worker-twice');
    expect(twice.step).toBe('list');
  });

  it('a card needs a name of at most 100 bytes', () => {
    const empty = run(initialHelpers, ...addCard('   '));
    expect(empty.step).toBe('card');
    expect(empty.error).toBe('helpers-card-label-empty');
    const long = run(initialHelpers, ...addCard('é'.repeat(51)));
    expect(long.error).toBe('helpers-card-label-long');
    expect(run(initialHelpers, ...addCard('é'.repeat(50))).helpers).toHaveLength(1);
  });

  it('the threshold stays between 2 and the number of helpers, also after a removal', () => {
    let s = run(initialHelpers, ...addCard('a'), ...addCard('b'), ...addCard('c'), { type: 'threshold', value: 3 });
    expect(s.threshold).toBe(3);
    expect(run(s, { type: 'threshold', value: 4 }).threshold).toBe(3);
    expect(run(s, { type: 'threshold', value: 1 }).threshold).toBe(3);
    s = run(s, { type: 'remove', index: 0 });
    expect(s.helpers.map((h) => (h.kind === 'card' ? h.label : ''))).toEqual(['b', 'c']);
    expect(s.threshold).toBe(2);
    s = run(s, { type: 'remove', index: 0 });
    expect(canSave(s)).toBe(false);
    expect(run(s, { type: 'saveInvalid' }).error).toBe('helpers-need-two');
  });

  it('at most 10 helpers', () => {
    let s = initialHelpers;
    for (let i = 0; i < MAX_HELPERS; i++) s = run(s, ...addCard(`card ${i}`));
    expect(canSave(s)).toBe(true);
    const more = run(s, { type: 'addCard' });
    expect(more.step).toBe('list');
    expect(more.error).toBe('helpers-too-many');
    expect(run(s, { type: 'addWorker' }).step).toBe('list');
  });

  it('after saving, shows each paper card once, in order, then is done and forgets their texts', () => {
    const saved = run(initialHelpers, ...addWorker(worker('a')), ...addCard('x'), ...addCard('y'), {
      type: 'saved',
      cards: [{ label: 'x', text: 'PDEHELPER1AAAA' }, { label: 'y', text: 'PDEHELPER1BBBB' }],
    });
    expect(saved.step).toBe('cards');
    expect(saved.cardAt).toBe(0);
    const second = run(saved, { type: 'nextCard' });
    expect(second.cards[second.cardAt]!.label).toBe('y');
    const done = run(second, { type: 'nextCard' });
    expect(done.step).toBe('done');
    expect(done.cards).toEqual([]);
    // A set of workers only has no card to print.
    expect(run(initialHelpers, ...addWorker(worker('a')), ...addWorker(worker('b')), { type: 'saved', cards: [] }).step).toBe('done');
  });
});
