/** Shows a decrypted document (image, PDF, text, or nothing to preview) from object URLs. */
import { useEffect, useRef, useState } from 'preact/hooks';
import { viewKind, type Metadata } from './metadata';
import type { UrlKeeper } from './session';
import { noteDownload } from './downloads';
import { Dialog, ErrorBox, errorMessage, useI18n } from './ui';

export interface Decrypted {
  blob: Blob;
  /** What the viewer shows (null for text, shown as text). */
  url: string | null;
  text: string | null;
}

/** The file name a download is saved under. */
export function downloadName(meta: Metadata): string {
  return meta.file_name ?? `${meta.title}.txt`;
}

/**
 * Decrypts a document with `load` when `id` changes. Its object URLs are revoked when the
 * document closes (and by the keeper's lock). `save()` saves the decrypted file.
 */
export function useDecrypted(keeper: UrlKeeper, id: string, meta: Metadata, load: () => Promise<Blob>) {
  const [decrypted, setDecrypted] = useState<Decrypted | null>(null);
  const [failure, setFailure] = useState<unknown>(null);
  const urls = useRef<string[]>([]);

  useEffect(() => {
    let live = true;
    setDecrypted(null);
    setFailure(null);
    load()
      .then(async (blob) => {
        if (!live) return;
        const kind = viewKind(meta.mime);
        const text = kind === 'text' ? await blob.text() : null;
        if (!live) return;
        const url = kind === 'text' ? null : keeper.objectUrl(blob);
        if (url) urls.current.push(url);
        setDecrypted({ blob, url, text });
      })
      .catch((err: unknown) => {
        if (live) setFailure(err ?? new Error('failed'));
      });
    return () => {
      live = false;
      urls.current.forEach((u) => keeper.revoke(u));
      urls.current = [];
    };
  }, [id]);

  /**
   * Saves the decrypted file through a fresh object URL (revoked with the others): Chromium's
   * PDF viewer holds on to the URL it shows, and a download of that same URL does nothing.
   */
  const save = () => {
    if (!decrypted) return;
    noteDownload();
    const url = keeper.objectUrl(decrypted.blob);
    urls.current.push(url);
    const a = document.createElement('a');
    a.href = url;
    a.download = downloadName(meta);
    a.rel = 'noopener';
    a.hidden = true;
    document.body.appendChild(a);
    a.click();
    a.remove();
  };

  return { decrypted, failure, save };
}

export function failureCode(failure: unknown): string | null {
  if (!failure) return null;
  return (failure as { code?: string }).code ?? 'internal';
}

/** The viewer area: "opening…", the document, or why it cannot be shown. */
export function Viewer(props: { meta: Metadata; decrypted: Decrypted | null; failure: unknown }) {
  const { t, lang } = useI18n();
  const { meta, decrypted, failure } = props;
  const kind = viewKind(meta.mime);
  const damaged = failureCode(failure) === 'damaged';
  return (
    <section class="viewer" aria-label={t('viewer-label')} aria-busy={!decrypted && !failure}>
      {damaged ? (
        <p class="error" role="alert">
          {t('doc-damaged')}
        </p>
      ) : null}
      <ErrorBox message={failure && !damaged ? errorMessage(t, lang, failure) : null} />
      {!decrypted && !failure ? <p aria-live="polite">{t('decrypting')}</p> : null}
      {decrypted && kind === 'image' ? <img src={decrypted.url!} alt={meta.title} data-testid="doc-image" /> : null}
      {decrypted && kind === 'pdf' ? (
        <>
          <iframe src={decrypted.url!} title={meta.title} data-testid="doc-pdf" />
          <p class="hint">{t('pdf-hint')}</p>
        </>
      ) : null}
      {decrypted && kind === 'text' ? (
        <div class="text-doc" data-testid="doc-text" lang="" dir="auto">
          {decrypted.text}
        </div>
      ) : null}
      {decrypted && kind === 'download' ? <p>{t('no-preview')}</p> : null}
    </section>
  );
}

/**
 * Asks before a decrypted file goes to the browser's downloads: the copy stays on this
 * computer, outside what Quit can clear.
 */
export function DownloadConfirm(props: { open: boolean; fileName: string; busy?: boolean; onConfirm: () => void; onCancel: () => void }) {
  const { t } = useI18n();
  return (
    <Dialog open={props.open} labelledBy="download-confirm-title" role="alertdialog" onCancel={props.onCancel}>
      <h2 id="download-confirm-title">{t('download-confirm-title')}</h2>
      <p>{t('download-confirm-text', { name: props.fileName })}</p>
      <p>{t('download-confirm-shared')}</p>
      <div class="row">
        <button type="button" class="secondary" autofocus onClick={props.onCancel}>
          {t('cancel')}
        </button>
        <button type="button" class="primary" disabled={props.busy} onClick={props.onConfirm}>
          {t('download-confirm')}
        </button>
      </div>
    </Dialog>
  );
}
