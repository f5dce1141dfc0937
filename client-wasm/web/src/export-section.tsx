/**
 * Settings → "Download everything": the age export (passphrase asked, progress shown) and,
 * after a warning and not on a shared computer, the plain files. See export.ts.
 */
import { useState } from 'preact/hooks';
import { buildExport, buildPlainExport, saveZip, type Made } from './export';
import { isSharedComputer } from './shared-computer';
import type { Session } from './session';
import type { Translate } from './i18n-core';
import { ErrorBox, PASSPHRASE_FIELD, invalidProps, useAction, useI18n } from './ui';

type Step = 'home' | 'passphrase' | 'plain-warning';

/** The README of an age export, in the holder's language. */
export function exportReadme(t: Translate): string {
  const cmd = (line: string) => `    ${line}`;
  return [
    t('export-readme-title'),
    '',
    t('export-readme-intro'),
    '',
    t('export-readme-names'),
    '',
    t('export-readme-step-identity'),
    cmd('age -d -o identity.txt identity.age'),
    '',
    t('export-readme-step-document'),
    cmd('age -d -i identity.txt -o document-1 documents/1.age'),
    '',
    t('export-readme-step-metadata'),
    cmd('age -d -i identity.txt documents/1.json.age'),
    '',
    t('export-readme-keep'),
    '',
    t('export-readme-damaged'),
    cmd('age: error: failed to decrypt and authenticate payload chunk'),
    '',
  ].join('\r\n');
}

export function ExportSection(props: { session: Session }) {
  const { t } = useI18n();
  const [step, setStep] = useState<Step>('home');
  const [passphrase, setPassphrase] = useState('');
  const [again, setAgain] = useState('');
  const [progress, setProgress] = useState<{ done: number; total: number } | null>(null);
  const [made, setMade] = useState<Made | null>(null);
  const action = useAction();
  const shared = isSharedComputer();

  const onProgress = (done: number, total: number) => setProgress({ done, total });
  const finished = (m: Made | undefined) => {
    setProgress(null);
    if (!m) return;
    saveZip(props.session, m);
    setMade(m);
    setStep('home');
  };

  const submit = (e: Event) => {
    e.preventDefault();
    if (!passphrase.trim()) return action.fail({ id: 'export-need-passphrase' });
    if (passphrase !== again) return action.fail({ id: 'export-passphrase-mismatch' });
    void action
      .run(() => buildExport(props.session, passphrase, exportReadme(t), onProgress))
      .then((m) => {
        if (m) {
          setPassphrase('');
          setAgain('');
        }
        finished(m);
      });
  };

  const plain = () => {
    void action.run(() => buildPlainExport(props.session, onProgress)).then(finished);
  };

  const bar = progress ? (
    <div class="progress-box">
      <div
        role="progressbar"
        aria-label={t('export-progress-label')}
        aria-valuemin={0}
        aria-valuemax={progress.total}
        aria-valuenow={progress.done}
        aria-valuetext={t('export-progress', { done: progress.done, total: progress.total })}
        class="bar"
      >
        <div class="bar-fill" style={{ width: `${progress.total ? (100 * progress.done) / progress.total : 0}%` }} />
      </div>
      <p>{t('export-progress', { done: progress.done, total: progress.total })}</p>
    </div>
  ) : null;

  return (
    <section class="card stack" aria-labelledby="export-title" {...action.busyProps}>
      <h2 id="export-title">{t('export-title')}</h2>
      {step === 'home' ? (
        <>
          <p>{t('export-lead')}</p>
          <p class="status" role="status">
            {made ? t('export-done', { n: made.count, name: made.name }) : ''}
            {made && made.damaged ? ` ${t('export-damaged-left-out', { n: made.damaged })}` : ''}
          </p>
          <div class="row">
            <button
              type="button"
              class="primary"
              onClick={() => {
                setMade(null);
                setStep('passphrase');
              }}
            >
              {t('export-start')}
            </button>
            {shared ? null : (
              <button
                type="button"
                class="secondary"
                onClick={() => {
                  setMade(null);
                  setStep('plain-warning');
                }}
              >
                {t('export-plain-start')}
              </button>
            )}
          </div>
        </>
      ) : step === 'passphrase' ? (
        <form class="stack" autocomplete="off" onSubmit={submit}>
          <p>{t('export-passphrase-lead')}</p>
          <label for="export-passphrase">{t('export-passphrase-label')}</label>
          <input
            id="export-passphrase"
            type="password"
            {...PASSPHRASE_FIELD}
            dir="auto"
            {...invalidProps('export-error', action.error !== null)}
            value={passphrase}
            onInput={(e) => setPassphrase(e.currentTarget.value)}
          />
          <label for="export-passphrase-again">{t('export-passphrase-again')}</label>
          <input
            id="export-passphrase-again"
            type="password"
            {...PASSPHRASE_FIELD}
            dir="auto"
            {...invalidProps('export-error', action.error !== null)}
            value={again}
            onInput={(e) => setAgain(e.currentTarget.value)}
          />
          <ErrorBox id="export-error" {...action.box} />
          {bar}
          <div class="row">
            <button type="submit" class="primary" disabled={action.busy}>
              {t('export-submit')}
            </button>
            <button type="button" class="secondary" disabled={action.busy} onClick={() => setStep('home')}>
              {t('cancel')}
            </button>
          </div>
        </form>
      ) : (
        <div class="stack">
          <p class="warning">{t('export-plain-warning')}</p>
          <ErrorBox id="export-error" {...action.box} />
          {bar}
          <div class="row">
            <button type="button" class="danger" disabled={action.busy} onClick={plain}>
              {t('export-plain-submit')}
            </button>
            <button type="button" class="secondary" disabled={action.busy} onClick={() => setStep('home')}>
              {t('cancel')}
            </button>
          </div>
        </div>
      )}
    </section>
  );
}
