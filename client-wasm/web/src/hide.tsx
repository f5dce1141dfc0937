/**
 * "Hide until…": the holder picks documents and a time; until then the server withholds them
 * from every answer, whatever opens the wallet (docs/api.md, `POST /documents/hide`). Before
 * hiding, the holder is told which active shares each document leaves.
 */
import { useState } from 'preact/hooks';
import { api } from './api';
import { CategoryIcon } from './categories';
import { formatDateTime } from './format';
import { type HideChoice, MAX_HIDE_SECS, hideTimeProblem, hideUntil, localDay } from './hide-time';
import type { DocEntry, Session } from './session';
import { shareable } from './share/parts';
import { Dialog, ErrorBox, ScreenTitle, msg, say, useAction, useI18n, type Msg } from './ui';

const CHOICES: HideChoice[] = ['hours2', 'tonight', 'tomorrow', 'custom'];

/** One active share a chosen document is in: who it is shared with (null for a link). */
interface Leaving {
  doc: DocEntry;
  who: string | null;
}

export function HideScreen(props: { session: Session; onDone: (m: Msg) => void; onCancel: () => void }) {
  const { t, lang } = useI18n();
  const { session } = props;
  const docs = shareable(session);
  const [picked, setPicked] = useState<string[]>([]);
  const [choice, setChoice] = useState<HideChoice | null>(null);
  const [date, setDate] = useState('');
  const [time, setTime] = useState('');
  const [error, setError] = useState<{ field: 'docs' | 'when' | 'custom'; m: Msg } | null>(null);
  const [failures, setFailures] = useState(0);
  // The confirmation: the chosen time and the shares the documents leave.
  const [confirm, setConfirm] = useState<{ until: Date; leaving: Leaving[] } | null>(null);
  const checking = useAction();
  const hiding = useAction();
  const chosen = docs.filter((d) => picked.includes(d.id));
  const fail = (field: 'docs' | 'when' | 'custom', m: Msg) => {
    setError({ field, m });
    setFailures((n) => n + 1);
  };
  const errorAt = (field: 'docs' | 'when' | 'custom') => (error?.field === field ? say(t, lang, error.m) : null);
  const now = new Date();

  async function submit(e: Event) {
    e.preventDefault();
    setError(null);
    if (chosen.length === 0) return fail('docs', msg('hide-err-no-docs'));
    if (!choice) return fail('when', msg('hide-err-no-time'));
    const start = new Date();
    const until = hideUntil(choice, start, date, time);
    if (!until) return fail('custom', msg('hide-err-custom'));
    const problem = hideTimeProblem(until, start);
    if (problem === 'past') return fail(choice === 'custom' ? 'custom' : 'when', msg('err-hide_until_past'));
    if (problem === 'too_far') return fail(choice === 'custom' ? 'custom' : 'when', msg('err-hide_until_too_far'));
    const shares = await checking.run(() => api.shares());
    if (!shares) return;
    const ids = new Set(chosen.map((d) => d.id));
    const leaving: Leaving[] = [];
    for (const s of shares.shares) {
      if (s.status !== 'active') continue;
      for (const id of s.document_ids) {
        const doc = chosen.find((d) => d.id === id);
        if (doc && ids.has(id)) leaving.push({ doc, who: s.worker ? s.worker.real_name : null });
      }
    }
    setConfirm({ until, leaving });
  }

  const custom = choice === 'custom';
  return (
    <main class="screen">
      <ScreenTitle>{t('hide-title')}</ScreenTitle>
      <p class="lead">{t('hide-lead')}</p>
      <form class="stack card" autocomplete="off" onSubmit={submit} {...checking.busyProps}>
        <fieldset class="stack" {...(error?.field === 'docs' ? { 'aria-describedby': 'hide-docs-error' } : {})}>
          <legend>{t('hide-pick-legend')}</legend>
          {docs.length === 0 ? <p>{t('documents-none')}</p> : null}
          <ul class="pick-list">
            {docs.map((d) => (
              <li key={d.id}>
                <label class="pick">
                  <input
                    type="checkbox"
                    data-doc={d.id}
                    checked={picked.includes(d.id)}
                    onChange={(e) => {
                      const on = e.currentTarget.checked;
                      setPicked((p) => (on ? [...p, d.id] : p.filter((x) => x !== d.id)));
                    }}
                  />
                  <CategoryIcon category={d.meta!.category} size={28} />
                  <span class="doc-text">
                    <bdi class="doc-title">{d.meta!.title}</bdi>
                    <span class="doc-sub">{t(`category-${d.meta!.category}`)}</span>
                  </span>
                </label>
              </li>
            ))}
          </ul>
          <ErrorBox id="hide-docs-error" message={errorAt('docs')} focusKey={failures} />
        </fieldset>
        <fieldset class="stack" {...(error?.field === 'when' ? { 'aria-describedby': 'hide-when-error' } : {})}>
          <legend>{t('hide-when-legend')}</legend>
          {CHOICES.map((c) => {
            const at = c === 'custom' ? null : hideUntil(c, now);
            return (
              <label class="choice" key={c}>
                <input type="radio" name="hide-when" value={c} checked={choice === c} onChange={() => setChoice(c)} />
                <span>
                  {t(`hide-when-${c}`)}
                  {at ? <span class="hint"> ({formatDateTime(Math.floor(at.getTime() / 1000), lang)})</span> : null}
                </span>
              </label>
            );
          })}
          <ErrorBox id="hide-when-error" message={errorAt('when')} focusKey={failures} />
          {custom ? (
            <div class="stack">
              <label for="hide-date">{t('hide-date')}</label>
              <input
                id="hide-date"
                type="date"
                autocomplete="off"
                min={localDay(now)}
                max={localDay(new Date(now.getTime() + MAX_HIDE_SECS * 1000))}
                value={date}
                aria-invalid={error?.field === 'custom' ? 'true' : undefined}
                aria-describedby={error?.field === 'custom' ? 'hide-custom-error' : undefined}
                onInput={(e) => setDate(e.currentTarget.value)}
              />
              <label for="hide-time">{t('hide-time')}</label>
              <input
                id="hide-time"
                type="time"
                autocomplete="off"
                value={time}
                aria-invalid={error?.field === 'custom' ? 'true' : undefined}
                aria-describedby={error?.field === 'custom' ? 'hide-custom-error' : undefined}
                onInput={(e) => setTime(e.currentTarget.value)}
              />
              <ErrorBox id="hide-custom-error" message={errorAt('custom')} focusKey={failures} />
            </div>
          ) : null}
        </fieldset>
        <p class="status" aria-live="polite">
          {chosen.length ? t('hide-picked', { n: chosen.length }) : ''}
        </p>
        <ErrorBox {...checking.box} />
        <button type="submit" class="primary" disabled={checking.busy}>
          {t('hide-next')}
        </button>
        <button type="button" class="secondary" onClick={props.onCancel}>
          {t('cancel')}
        </button>
      </form>
      <Dialog open={confirm !== null} labelledBy="hide-confirm-title" role="alertdialog" onCancel={() => setConfirm(null)}>
        {confirm ? (
          <>
            <h2 id="hide-confirm-title">
              {t('hide-confirm-title', { n: chosen.length, until: formatDateTime(Math.floor(confirm.until.getTime() / 1000), lang) })}
            </h2>
            <p>{t('hide-confirm-text')}</p>
            {confirm.leaving.length ? (
              <ul data-testid="hide-leaving">
                {confirm.leaving.map((l, i) => (
                  <li key={i}>
                    {l.who === null
                      ? t('hide-leaves-link', { title: l.doc.meta!.title })
                      : t('hide-leaves-worker', { title: l.doc.meta!.title, name: l.who })}
                  </li>
                ))}
              </ul>
            ) : null}
            <ErrorBox {...hiding.box} />
            <div class="row">
              <button type="button" class="secondary" autofocus onClick={() => setConfirm(null)}>
                {t('cancel')}
              </button>
              <button
                type="button"
                class="danger"
                disabled={hiding.busy}
                onClick={async () => {
                  const until = confirm.until;
                  const done = await hiding.run(async () => {
                    await session.hide(chosen, Math.floor(until.getTime() / 1000));
                    return true;
                  });
                  if (!done) return;
                  setConfirm(null);
                  props.onDone(msg('hide-done', { n: chosen.length, until: formatDateTime(Math.floor(until.getTime() / 1000), lang) }));
                }}
              >
                {t('hide-confirm')}
              </button>
            </div>
          </>
        ) : null}
      </Dialog>
    </main>
  );
}
