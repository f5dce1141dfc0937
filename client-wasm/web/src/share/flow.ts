/**
 * The holder's Share flow as a pure state machine: the steps a person goes through, and every
 * move between them (Next, Back, a worker found, a share made…). The screens (share/*.tsx)
 * only show a state and dispatch actions; what talks to the server and the crypto worker runs
 * outside the reducer (see ShareScreen), which only records the outcome.
 *
 *   docs → who → check → details → done         (with a worker)
 *          who → link → link-done               (as a link)
 *
 * With "at an appointment" chosen in details or link, the last step is the appointment
 * card instead (card).
 */
import type { WorkerCard } from '../api';
import type { MadeLink } from '../session';
import { DEFAULT_DURATION, readPin, type DurationId } from '../sharing';
import type { WindowProblem } from './appointment-time';

/** At most this many documents in one share (the server's limit, docs/sharing.md). */
export const MAX_SHARED = 50;

export type ShareStep = 'docs' | 'who' | 'check' | 'details' | 'done' | 'link' | 'link-done' | 'card';

export interface ShareState {
  step: ShareStep;
  /** The ids of the documents picked, in the order they were picked. */
  picked: readonly string[];
  /** The worker found by card code (from `who` on, with a worker). */
  worker: WorkerCard | null;
  duration: DurationId;
  noteFrom: string;
  noteText: string;
  /** A link's PIN: on by default (the link's secret stays in the history of whoever opens it). */
  usePin: boolean;
  /** The PIN as typed (read with readPin). */
  pin: string;
  /** The message key of the step's own check that failed, or null. */
  error: string | null;
  /** How many checks failed so far: each new failure takes the focus (ErrorBox focusKey). */
  failures: number;
  /** When the share with a worker ends (Unix seconds), once made. */
  endsAt: number;
  /** The link just made. */
  link: MadeLink | null;
  /** "Only at an appointment" chosen instead of a duration from now. */
  appointment: boolean;
  /** The appointment's day (`YYYY-MM-DD`) and hours (`HH:MM`), in Brussels time. */
  day: string;
  from: string;
  until: string;
  /** When the appointment just made opens (Unix seconds); its end is `endsAt`. */
  opensAt: number;
}

export type ShareAction =
  | { type: 'toggle'; id: string; on: boolean }
  /** Next on the documents step; `available` are the ids that can be shared. */
  | { type: 'docsNext'; available: readonly string[] }
  | { type: 'workerFound'; worker: WorkerCard }
  | { type: 'chooseLink' }
  /** "Yes, this is the person" on the check step. */
  | { type: 'confirmWorker' }
  | { type: 'back' }
  | { type: 'duration'; duration: DurationId }
  | { type: 'noteFrom'; value: string }
  | { type: 'noteText'; value: string }
  | { type: 'sharedWithWorker'; expiresAt: number; opensAt?: number | null }
  /** "From now" (false) or "only at an appointment" (true). */
  | { type: 'appointment'; on: boolean }
  | { type: 'window'; day?: string; from?: string; until?: string }
  /** Share or Make link pressed with a window the server would refuse. */
  | { type: 'windowInvalid'; problem: WindowProblem }
  /** The PIN box ticked or not; `fresh` is a new PIN, used when turning it on without a valid one. */
  | { type: 'usePin'; on: boolean; fresh: string }
  | { type: 'pin'; value: string }
  /** Make link pressed with a PIN that is not 6 digits. */
  | { type: 'pinInvalid' }
  /** Make link pressed with a valid PIN (or none): the PIN check's message goes. */
  | { type: 'pinValid' }
  | { type: 'linkMade'; link: MadeLink; pin: string | null };

/** `day`: the day an appointment is first proposed on (tomorrow, in Brussels). */
export function initialShare(pin: string, day = ''): ShareState {
  return {
    step: 'docs',
    picked: [],
    worker: null,
    duration: DEFAULT_DURATION,
    noteFrom: '',
    noteText: '',
    usePin: true,
    pin,
    error: null,
    failures: 0,
    endsAt: 0,
    link: null,
    appointment: false,
    day,
    from: '10:00',
    until: '12:00',
    opensAt: 0,
  };
}

/** The picked documents among `available`, in `available`'s order. */
export function pickedAmong<T extends { id: string }>(state: ShareState, available: readonly T[]): T[] {
  return available.filter((d) => state.picked.includes(d.id));
}

/** The PIN a link is made with: null without a PIN, undefined when the typed one is not valid. */
export function linkPin(state: ShareState): string | null | undefined {
  if (!state.usePin) return null;
  return readPin(state.pin) ?? undefined;
}

/** Where Back goes from each step (null: out of the flow, which the screen handles). */
const BACK: Record<ShareStep, ShareStep | null> = {
  docs: null,
  who: 'docs',
  check: 'who',
  details: 'check',
  done: null,
  link: 'who',
  'link-done': null,
  card: null,
};

const go = (state: ShareState, step: ShareStep): ShareState => ({ ...state, step, error: null });
const fail = (state: ShareState, error: string): ShareState => ({ ...state, error, failures: state.failures + 1 });

export function shareReducer(state: ShareState, action: ShareAction): ShareState {
  switch (action.type) {
    case 'toggle': {
      if (state.step !== 'docs') return state;
      const has = state.picked.includes(action.id);
      if (action.on === has) return state;
      return { ...state, picked: action.on ? [...state.picked, action.id] : state.picked.filter((id) => id !== action.id) };
    }
    case 'docsNext': {
      if (state.step !== 'docs') return state;
      const n = state.picked.filter((id) => action.available.includes(id)).length;
      if (n === 0) return fail(state, 'err-share-pick');
      if (n > MAX_SHARED) return fail(state, 'err-share-too-many');
      return go(state, 'who');
    }
    case 'workerFound':
      if (state.step !== 'who') return state;
      return go({ ...state, worker: action.worker }, 'check');
    case 'chooseLink':
      if (state.step !== 'who') return state;
      return go({ ...state, duration: DEFAULT_DURATION }, 'link');
    case 'confirmWorker':
      if (state.step !== 'check' || !state.worker) return state;
      return go(state, 'details');
    case 'back': {
      const to = BACK[state.step];
      if (!to) return state;
      // Back from the check ("not this person"): the worker found is forgotten.
      return go(state.step === 'check' ? { ...state, worker: null } : state, to);
    }
    case 'duration':
      return { ...state, duration: action.duration };
    case 'noteFrom':
      return { ...state, noteFrom: action.value };
    case 'noteText':
      return { ...state, noteText: action.value };
    case 'sharedWithWorker':
      if (state.step !== 'details') return state;
      // The note's text went with the share; "from" stays for a next share.
      return go(
        { ...state, endsAt: action.expiresAt, opensAt: action.opensAt ?? 0, noteText: '' },
        action.opensAt ? 'card' : 'done',
      );
    case 'appointment':
      return { ...state, appointment: action.on, error: null };
    case 'window':
      return {
        ...state,
        day: action.day ?? state.day,
        from: action.from ?? state.from,
        until: action.until ?? state.until,
        error: null,
      };
    case 'windowInvalid':
      return fail(state, `err-appt-${action.problem}`);
    case 'usePin':
      return {
        ...state,
        usePin: action.on,
        pin: action.on && !readPin(state.pin) ? action.fresh : state.pin,
      };
    case 'pin':
      return { ...state, pin: action.value };
    case 'pinInvalid':
      return fail(state, 'err-pin-format');
    case 'pinValid':
      return { ...state, error: null };
    case 'linkMade':
      if (state.step !== 'link') return state;
      return go(
        { ...state, link: action.link, pin: action.pin ?? '', opensAt: action.link.opensAt ?? 0, endsAt: action.link.expiresAt },
        action.link.opensAt ? 'card' : 'link-done',
      );
  }
}
