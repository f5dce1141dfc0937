/**
 * Settings → Helpers, choosing a new helper set, as a pure state machine (like share/flow.ts):
 * the screens show a state and dispatch actions; the crypto and the server calls run outside
 * (helpers/settings-helpers.tsx) and only their outcome is dispatched.
 *
 *   list → worker → check → list          (a social worker by card code)
 *   list → card → list                    (a paper helper card, named for the holder)
 *   list → (saved) → cards → … → done     (one printable page per paper card)
 */
import type { WorkerCard } from '../api';

/** The fewest and the most helpers of a set (docs/api.md, "Trusted helpers"). */
export const MIN_HELPERS = 2;
export const MAX_HELPERS = 10;
/** How many helpers are needed unless the holder chooses otherwise: 2 (of 3 proposed). */
export const DEFAULT_THRESHOLD = 2;
/** The holder's name for a card is at most this many bytes (the server's limit). */
export const MAX_LABEL_BYTES = 100;

export type ChosenHelper = { kind: 'worker'; worker: WorkerCard } | { kind: 'card'; label: string };

export type HelpersStep = 'list' | 'worker' | 'check' | 'card' | 'cards' | 'done';

export interface HelpersState {
  step: HelpersStep;
  helpers: readonly ChosenHelper[];
  /** How many are needed. */
  threshold: number;
  /** The worker found by card code, on the check step. */
  found: WorkerCard | null;
  /** The label being typed on the card step. */
  label: string;
  /** A check of this flow that failed (message key), or null. */
  error: string | null;
  failures: number;
  /** Once saved: the paper cards to print (text, label), and which one is shown. */
  cards: readonly { label: string; text: string }[];
  cardAt: number;
}

export type HelpersAction =
  | { type: 'addWorker' }
  | { type: 'workerFound'; worker: WorkerCard }
  /** "Yes, this is the person" on the check step. */
  | { type: 'confirmWorker' }
  | { type: 'addCard' }
  | { type: 'label'; value: string }
  | { type: 'cardNamed' }
  | { type: 'remove'; index: number }
  | { type: 'threshold'; value: number }
  /** Save pressed: only a valid set goes on (the caller checks `canSave` first). */
  | { type: 'saveInvalid' }
  | { type: 'saved'; cards: readonly { label: string; text: string }[] }
  | { type: 'nextCard' }
  | { type: 'back' };

export const initialHelpers: HelpersState = {
  step: 'list',
  helpers: [],
  threshold: DEFAULT_THRESHOLD,
  found: null,
  label: '',
  error: null,
  failures: 0,
  cards: [],
  cardAt: 0,
};

/** Whether the set can be saved: 2 to 10 helpers, and at most as many needed as there are. */
export function canSave(s: HelpersState): boolean {
  return s.helpers.length >= MIN_HELPERS && s.helpers.length <= MAX_HELPERS && s.threshold >= MIN_HELPERS && s.threshold <= s.helpers.length;
}

/** The thresholds the holder may choose for `n` helpers (2 … n, or just 2 with fewer). */
export function thresholdChoices(n: number): number[] {
  const out: number[] = [];
  for (let k = MIN_HELPERS; k <= Math.max(MIN_HELPERS, n); k++) out.push(k);
  return out;
}

function fail(s: HelpersState, error: string): HelpersState {
  return { ...s, error, failures: s.failures + 1 };
}

/** The threshold once the number of helpers changed: kept if it still fits, else the most there is. */
function fitThreshold(threshold: number, n: number): number {
  return Math.max(MIN_HELPERS, Math.min(threshold, n));
}

export function helpersReducer(s: HelpersState, a: HelpersAction): HelpersState {
  switch (a.type) {
    case 'addWorker':
      if (s.helpers.length >= MAX_HELPERS) return fail(s, 'helpers-too-many');
      return { ...s, step: 'worker', found: null, error: null };
    case 'workerFound':
      if (s.step !== 'worker') return s;
      return { ...s, step: 'check', found: a.worker, error: null };
    case 'confirmWorker': {
      const w = s.found;
      if (s.step !== 'check' || !w) return s;
      // Only a verified worker can help (the server refuses the others): say so here.
      if (!w.verified) return fail(s, 'helpers-worker-unverified');
      if (s.helpers.some((h) => h.kind === 'worker' && h.worker.id === w.id)) return fail({ ...s, step: 'list', found: null }, 'helpers-worker-twice');
      const helpers = [...s.helpers, { kind: 'worker', worker: w } as const];
      return { ...s, step: 'list', found: null, helpers, error: null };
    }
    case 'addCard':
      if (s.helpers.length >= MAX_HELPERS) return fail(s, 'helpers-too-many');
      return { ...s, step: 'card', label: '', error: null };
    case 'label':
      return { ...s, label: a.value, error: null };
    case 'cardNamed': {
      const label = s.label.trim();
      if (!label) return fail(s, 'helpers-card-label-empty');
      if (new TextEncoder().encode(label).length > MAX_LABEL_BYTES) return fail(s, 'helpers-card-label-long');
      const helpers = [...s.helpers, { kind: 'card', label } as const];
      return { ...s, step: 'list', label: '', helpers, error: null };
    }
    case 'remove': {
      if (s.step !== 'list' || a.index < 0 || a.index >= s.helpers.length) return s;
      const helpers = s.helpers.filter((_, i) => i !== a.index);
      return { ...s, helpers, threshold: fitThreshold(s.threshold, helpers.length), error: null };
    }
    case 'threshold':
      if (a.value < MIN_HELPERS || a.value > Math.max(MIN_HELPERS, s.helpers.length)) return s;
      return { ...s, threshold: a.value, error: null };
    case 'saveInvalid':
      return fail(s, s.helpers.length < MIN_HELPERS ? 'helpers-need-two' : 'helpers-threshold-too-big');
    case 'saved':
      return { ...s, step: a.cards.length ? 'cards' : 'done', cards: a.cards, cardAt: 0, error: null };
    case 'nextCard':
      if (s.step !== 'cards') return s;
      return s.cardAt + 1 < s.cards.length ? { ...s, cardAt: s.cardAt + 1 } : { ...s, step: 'done', cards: [], cardAt: 0 };
    case 'back':
      if (s.step === 'check') return { ...s, step: 'worker', found: null, error: null };
      if (s.step === 'worker' || s.step === 'card') return { ...s, step: 'list', found: null, label: '', error: null };
      return s;
  }
}
