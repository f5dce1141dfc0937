/** Shows a decrypted document (image, PDF, text, or nothing to preview) from object URLs. */
import { useEffect, useRef, useState } from 'preact/hooks';
import { viewKind, type Metadata } from './metadata';
import type { UrlKeeper } from './session';
import { ErrorBox, errorMessage, useI18n } from './ui';

export interface Decrypted {
  blob: Blob;
  /** What the viewer shows (null for text, shown as text). */
  url: string | null;
  /** A separate URL for a Download link, when asked for. */
  downloadUrl: string | null;
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
export function useDecrypted(keeper: UrlKeeper, id: string, meta: Metadata, load: () => Promise<Blob>, downloadLink: boolean) {
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
        // The viewer and the Download link get separate URLs: Chromium's PDF viewer holds on
        // to the one it shows, and a download of that same URL silently does nothing.
        const url = kind === 'text' ? null : keeper.objectUrl(blob);
        const downloadUrl = downloadLink ? keeper.objectUrl(blob) : null;
        for (const u of [url, downloadUrl]) if (u) urls.current.push(u);
        setDecrypted({ blob, url, downloadUrl, text });
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

  /** Saves the decrypted file through a fresh object URL (revoked with the others). */
  const save = () => {
    if (!decrypted) return;
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
        <div class="text-doc" data-testid="doc-text" lang="">
          {decrypted.text}
        </div>
      ) : null}
      {decrypted && kind === 'download' ? <p>{t('no-preview')}</p> : null}
    </section>
  );
}
