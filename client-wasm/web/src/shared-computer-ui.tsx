/**
 * What "I am on a shared computer" shows: the choice on the start page, a warning before
 * printing, and the reminder to close the browser once the wallet is closed.
 */
import { useState } from 'preact/hooks';
import { printPage, setSharedComputer, useSharedComputer } from './shared-computer';
import { Dialog, useI18n } from './ui';

/** The start page's checkbox, with what it changes said beside it. */
export function SharedComputerChoice() {
  const { t } = useI18n();
  const on = useSharedComputer();
  return (
    <div class="stack shared-choice">
      <label class="check">
        <input type="checkbox" aria-describedby="shared-computer-help" checked={on} onChange={(e) => setSharedComputer(e.currentTarget.checked)} />
        {t('shared-computer')}
      </label>
      <p id="shared-computer-help" class="hint">
        {t('shared-computer-help')}
      </p>
    </div>
  );
}

/** The reminder, on a closing screen, to close the browser when the computer is shared. */
export function CloseBrowserReminder() {
  const { t } = useI18n();
  if (!useSharedComputer()) return null;
  return (
    <p class="notice" data-testid="close-browser">
      {t('shared-close-browser')}
    </p>
  );
}

/**
 * A Print button. On a shared computer it first says that the printer and the computer may
 * keep a copy, and prints only once the person agrees.
 */
export function PrintButton(props: { label: string }) {
  const { t } = useI18n();
  const shared = useSharedComputer();
  const [asking, setAsking] = useState(false);
  return (
    <>
      <button type="button" class="secondary" onClick={() => (shared ? setAsking(true) : window.print())}>
        {props.label}
      </button>
      <Dialog open={asking} labelledBy="print-confirm-title" role="alertdialog" onCancel={() => setAsking(false)}>
        <h2 id="print-confirm-title">{t('print-confirm-title')}</h2>
        <p>{t('print-confirm-text')}</p>
        <div class="row">
          <button
            type="button"
            class="primary"
            onClick={() => {
              setAsking(false);
              printPage();
            }}
          >
            {t('print-confirm')}
          </button>
          <button type="button" class="secondary" autofocus onClick={() => setAsking(false)}>
            {t('cancel')}
          </button>
        </div>
      </Dialog>
    </>
  );
}

/**
 * What a page printed by the browser's own menu or Ctrl+P shows on a shared computer (only
 * then: styles.css), instead of the wallet.
 */
export function PrintBlockedNote() {
  const { t } = useI18n();
  return (
    <p class="print-blocked">
      {t('print-blocked')}
    </p>
  );
}
