/**
 * The holder's Share: one component per step (share/*.tsx), the flow's state in a reducer
 * (share/flow.ts). Documents → a worker by card code or QR scan → check → duration and note
 * → done; or a link → duration and PIN → the link. Either can be for an appointment instead
 * (a day and two hours): it ends with the appointment card (share/appointment.tsx).
 */
import { useReducer } from 'preact/hooks';
import type { Session } from '../session';
import { generatePin } from '../sharing';
import { CardStep } from './appointment';
import { brusselsDay } from './appointment-time';
import { CheckStep } from './check';
import { DetailsStep } from './details';
import { LinkDoneStep, WorkerDoneStep } from './done';
import { initialShare, pickedAmong, shareReducer } from './flow';
import { LinkStep } from './link';
import { shareable } from './parts';
import { PickStep } from './pick';
import { WhoStep } from './who';

export function ShareScreen(props: {
  session: Session;
  onDone: (msg: string | null) => void;
  onShares: () => void;
  onCancel: () => void;
}) {
  const { session } = props;
  const docs = shareable(session);
  const [state, dispatch] = useReducer(shareReducer, null, () =>
    initialShare(generatePin(), brusselsDay(Math.floor(Date.now() / 1000), 1)),
  );
  const chosen = pickedAmong(state, docs);
  const { worker, link } = state;

  switch (state.step) {
    case 'docs':
      return <PickStep state={state} docs={docs} chosen={chosen.length} dispatch={dispatch} onCancel={props.onCancel} />;
    case 'who':
      return (
        <WhoStep
          count={chosen.length}
          record={session.record}
          onWorker={(w) => dispatch({ type: 'workerFound', worker: w })}
          onLink={() => dispatch({ type: 'chooseLink' })}
          onBack={() => dispatch({ type: 'back' })}
        />
      );
    case 'check':
      return worker ? <CheckStep worker={worker} dispatch={dispatch} /> : null;
    case 'details':
      return worker ? <DetailsStep session={session} state={state} worker={worker} chosen={chosen} dispatch={dispatch} /> : null;
    case 'done':
      return worker ? (
        <WorkerDoneStep n={chosen.length} name={worker.real_name} endsAt={state.endsAt} onDone={() => props.onDone(null)} onShares={props.onShares} />
      ) : null;
    case 'link':
      return <LinkStep session={session} state={state} chosen={chosen} dispatch={dispatch} />;
    case 'card':
      return (
        <CardStep
          n={chosen.length}
          worker={worker}
          link={link}
          pin={link && state.usePin ? state.pin : null}
          opensAt={state.opensAt}
          endsAt={state.endsAt}
          onDone={() => props.onDone(null)}
          onShares={props.onShares}
        />
      );
    case 'link-done':
      return link ? (
        <LinkDoneStep n={chosen.length} link={link} pin={state.usePin ? state.pin : null} onDone={() => props.onDone(null)} onShares={props.onShares} />
      ) : null;
  }
}
