import { useState } from 'preact/hooks';
import { CATEGORIES, CategoryIcon, type Category } from './categories';
import { formatDate, formatSize, titleFromFileName } from './format';
import { downscaleImage, DOWNSCALABLE } from './image';
import { newMetadata } from './metadata';
import type { DocEntry, Phase, Session } from './session';
import { DocList } from './doclist';
import { MySharesScreen, ShareScreen } from './share';
import { Dialog, ErrorBox, ScreenTitle, errorMessage, useI18n } from './ui';
import { DownloadConfirm, Viewer, downloadName, useDecrypted } from './viewer';

type View =
  | { kind: 'home' }
  | { kind: 'add' }
  | { kind: 'note' }
  | { kind: 'doc'; id: string }
  | { kind: 'share' }
  | { kind: 'shares' };

export function WalletScreen(props: { session: Session; keepAlive: () => void }) {
  const { session } = props;
  const [view, setView] = useState<View>({ kind: 'home' });
  const [filter, setFilter] = useState<Category | null>(null);
  const [, setTick] = useState(0);
  const changed = () => setTick((n) => n + 1);
  const [message, setMessage] = useState<string | null>(null);

  const home = (msg: string | null = null) => {
    setMessage(msg);
    setView({ kind: 'home' });
  };

  if (view.kind === 'add' || view.kind === 'note') {
    return (
      <AddScreen
        session={session}
        note={view.kind === 'note'}
        initialCategory={view.kind === 'note' ? 'my_story' : (filter ?? 'other')}
        keepAlive={props.keepAlive}
        onDone={(msg) => {
          changed();
          home(msg);
        }}
        onCancel={() => home()}
      />
    );
  }
  if (view.kind === 'share') {
    return (
      <ShareScreen
        session={session}
        onDone={(msg) => home(msg)}
        onShares={() => setView({ kind: 'shares' })}
        onCancel={() => home()}
      />
    );
  }
  if (view.kind === 'shares') {
    return <MySharesScreen session={session} onClose={() => home()} onShare={() => setView({ kind: 'share' })} />;
  }
  if (view.kind === 'doc') {
    const entry = session.docs.find((d) => d.id === view.id);
    if (entry) {
      return (
        <DocumentScreen
          session={session}
          entry={entry}
          onChanged={changed}
          onClose={(msg) => {
            changed();
            home(msg ?? null);
          }}
        />
      );
    }
  }
  return (
    <HomeScreen
      session={session}
      filter={filter}
      setFilter={setFilter}
      message={message}
      onAdd={() => setView({ kind: 'add' })}
      onNote={() => setView({ kind: 'note' })}
      onOpen={(id) => setView({ kind: 'doc', id })}
      onShare={() => setView({ kind: 'share' })}
      onShares={() => setView({ kind: 'shares' })}
    />
  );
}

function sortedDocs(docs: DocEntry[]): DocEntry[] {
  return [...docs].sort((a, b) => b.createdAt - a.createdAt);
}

function HomeScreen(props: {
  session: Session;
  filter: Category | null;
  setFilter: (c: Category | null) => void;
  message: string | null;
  onAdd: () => void;
  onNote: () => void;
  onOpen: (id: string) => void;
  onShare: () => void;
  onShares: () => void;
}) {
  const { t, lang } = useI18n();
  const { session, filter } = props;
  const docs = sortedDocs(session.docs);
  const count = (c: Category) => docs.filter((d) => d.meta?.category === c).length;
  const shown = filter ? docs.filter((d) => d.meta?.category === filter) : docs;
  const usage = session.usage;
  return (
    <main class="screen wide">
      <ScreenTitle>{t('wallet-title')}</ScreenTitle>
      {props.message ? (
        <p class="notice" role="status">
          {props.message}
        </p>
      ) : null}
      <div class="actions">
        <button type="button" class="primary" onClick={props.onAdd}>
          {t('add-document')}
        </button>
        <button type="button" class="secondary" onClick={props.onNote}>
          {t('write-note')}
        </button>
        <button type="button" class="secondary" disabled={docs.length === 0} onClick={props.onShare}>
          {t('share-start')}
        </button>
        <button type="button" class="secondary" onClick={props.onShares}>
          {t('shares-open')}
        </button>
      </div>
      <section aria-labelledby="cat-title">
        <h2 id="cat-title">{t('categories-title')}</h2>
        <div class="tiles">
          <button type="button" class="tile" aria-pressed={filter === null} onClick={() => props.setFilter(null)}>
            <span class="tile-name">{t('category-all')}</span>
            <span class="tile-count">{t('doc-count', { n: docs.length })}</span>
          </button>
          {CATEGORIES.map((c) => (
            <button type="button" class="tile" key={c} aria-pressed={filter === c} onClick={() => props.setFilter(filter === c ? null : c)}>
              <CategoryIcon category={c} />
              <span class="tile-name">{t(`category-${c}`)}</span>
              <span class="tile-count">{t('doc-count', { n: count(c) })}</span>
            </button>
          ))}
        </div>
      </section>
      <section aria-labelledby="docs-title">
        <h2 id="docs-title">{filter ? t(`category-${filter}`) : t('documents-all')}</h2>
        {shown.length === 0 ? <p>{t('documents-none')}</p> : null}
        <DocList docs={shown} onOpen={props.onOpen} showDate />
      </section>
      {usage ? (
        <p class="usage">
          {t('usage', { used: formatSize(usage.used_bytes, lang), quota: formatSize(usage.quota_bytes, lang) })}
        </p>
      ) : null}
    </main>
  );
}

function CategoryPicker(props: { value: Category; onChange: (c: Category) => void; name: string }) {
  const { t } = useI18n();
  return (
    <fieldset class="categories">
      <legend>{t('field-category')}</legend>
      <div class="cat-options">
        {CATEGORIES.map((c) => (
          <label class="cat-option" key={c}>
            <input type="radio" name={props.name} value={c} checked={props.value === c} onChange={() => props.onChange(c)} />
            <CategoryIcon category={c} size={24} />
            <span>{t(`category-${c}`)}</span>
          </label>
        ))}
      </div>
    </fieldset>
  );
}

function AddScreen(props: {
  session: Session;
  note: boolean;
  initialCategory: Category;
  keepAlive: () => void;
  onDone: (msg: string) => void;
  onCancel: () => void;
}) {
  const { t, lang } = useI18n();
  const [file, setFile] = useState<File | null>(null);
  const [title, setTitle] = useState('');
  const [category, setCategory] = useState<Category>(props.initialCategory);
  const [date, setDate] = useState('');
  const [note, setNote] = useState('');
  const [text, setText] = useState('');
  const [keepOriginal, setKeepOriginal] = useState(false);
  const [busy, setBusy] = useState(false);
  const [progress, setProgress] = useState<{ phase: Phase | 'prepare'; value: number } | null>(null);
  const [error, setError] = useState<string | null>(null);

  function chose(e: Event) {
    const input = e.currentTarget as HTMLInputElement;
    const f = input.files?.[0] ?? null;
    setFile(f);
    setError(null);
    if (f && !title) setTitle(titleFromFileName(f.name));
    if (f) {
      try {
        props.session.checkLimits(f.size);
      } catch (err) {
        if (!DOWNSCALABLE.includes(f.type)) setError(errorMessage(t, lang, err));
      }
    }
  }

  async function submit(e: Event) {
    e.preventDefault();
    if (!props.note && !file) return setError(t('err-choose-file'));
    if (props.note && !text.trim()) return setError(t('err-write-text'));
    if (!title.trim()) return setError(t('err-title'));
    setBusy(true);
    setError(null);
    try {
      let content: Blob;
      let mime: string;
      let fileName: string | null;
      if (props.note) {
        content = new Blob([new TextEncoder().encode(text)], { type: 'text/plain' });
        mime = 'text/plain';
        fileName = null;
      } else {
        setProgress({ phase: 'prepare', value: 0 });
        content = keepOriginal ? file! : await downscaleImage(file!);
        mime = content.type || file!.type || 'application/octet-stream';
        fileName = content === file ? file!.name : file!.name.replace(/\.[A-Za-z0-9]{1,5}$/, '') + '.jpg';
      }
      props.session.checkLimits(content.size);
      const meta = newMetadata({
        title: title.trim(), category, fileName, mime, size: content.size,
        date: date || null, note: note.trim() || null,
      });
      await props.session.add(content, meta, (phase, fraction) => {
        props.keepAlive();
        setProgress({ phase, value: fraction });
      });
      props.onDone(t('added', { title: meta.title }));
    } catch (err) {
      setError(errorMessage(t, lang, err));
      setBusy(false);
      setProgress(null);
    }
  }

  const overall = progress
    ? progress.phase === 'prepare' ? 0 : progress.phase === 'encrypt' ? progress.value * 0.5 : 0.5 + progress.value * 0.5
    : 0;
  const isImage = file ? DOWNSCALABLE.includes(file.type) : false;

  return (
    <main class="screen">
      <ScreenTitle>{props.note ? t('note-title') : t('add-title')}</ScreenTitle>
      <form class="stack card" autocomplete="off" onSubmit={submit}>
        {props.note ? null : (
          <fieldset class="stack">
            <legend>{t('field-file')}</legend>
            <div class="pickers">
              <label class="button secondary file-button">
                <input type="file" class="visually-hidden" accept="image/*" capture="environment" disabled={busy} onChange={chose} />
                {t('take-photo')}
              </label>
              <label class="button secondary file-button">
                <input type="file" class="visually-hidden" disabled={busy} onChange={chose} />
                {t('choose-file')}
              </label>
            </div>
            <p class="chosen" aria-live="polite">
              {file ? t('file-chosen', { name: file.name, size: formatSize(file.size, lang) }) : t('file-none')}
            </p>
            {isImage ? (
              <label class="check">
                <input type="checkbox" checked={keepOriginal} disabled={busy} onChange={(e) => setKeepOriginal(e.currentTarget.checked)} />
                {t('keep-original')}
              </label>
            ) : null}
            {props.session.usage ? (
              <p class="hint">{t('limit-hint', { limit: formatSize(props.session.usage.max_document_bytes, lang) })}</p>
            ) : null}
          </fieldset>
        )}
        <label for="doc-title">{t('field-title')}</label>
        <input id="doc-title" autocomplete="off" maxLength={200} value={title} disabled={busy} onInput={(e) => setTitle(e.currentTarget.value)} />
        {props.note ? (
          <>
            <label for="doc-text">{t('field-text')}</label>
            <textarea id="doc-text" rows={10} autocomplete="off" value={text} disabled={busy} onInput={(e) => setText(e.currentTarget.value)} />
          </>
        ) : null}
        <CategoryPicker name="add-category" value={category} onChange={setCategory} />
        <label for="doc-date">{t('field-date')}</label>
        <input id="doc-date" type="date" autocomplete="off" value={date} disabled={busy} onInput={(e) => setDate(e.currentTarget.value)} />
        {props.note ? null : (
          <>
            <label for="doc-note">{t('field-note')}</label>
            <textarea
              id="doc-note"
              rows={3}
              autocomplete="off"
              aria-describedby="doc-note-help"
              value={note}
              disabled={busy}
              onInput={(e) => setNote(e.currentTarget.value)}
            />
            <p id="doc-note-help" class="hint">
              {t('field-note-help')}
            </p>
          </>
        )}
        <div class="progress-box" hidden={!progress}>
          <label for="save-progress">{t('progress-label')}</label>
          <progress id="save-progress" max={100} value={Math.round(overall * 100)} />
          <p aria-live="polite" class="status">
            {progress
              ? t(progress.phase === 'prepare' ? 'progress-prepare' : progress.phase === 'encrypt' ? 'progress-encrypt' : 'progress-upload', {
                  percent: Math.round(overall * 100),
                })
              : ''}
          </p>
        </div>
        <ErrorBox message={error} />
        <button type="submit" class="primary" disabled={busy}>
          {t('save')}
        </button>
        <button type="button" class="secondary" disabled={busy} onClick={props.onCancel}>
          {t('cancel')}
        </button>
      </form>
    </main>
  );
}

function DocumentScreen(props: { session: Session; entry: DocEntry; onChanged: () => void; onClose: (msg?: string) => void }) {
  const { t, lang } = useI18n();
  const { session, entry } = props;
  const meta = entry.meta!;
  const { decrypted, failure, save } = useDecrypted(session, entry.id, meta, () => session.open(entry));
  const [error, setError] = useState<string | null>(null);
  const [confirmDownload, setConfirmDownload] = useState(false);
  const [editing, setEditing] = useState(false);
  const [confirmDelete, setConfirmDelete] = useState(false);
  const [busy, setBusy] = useState(false);

  return (
    <main class="screen wide">
      <div class="row">
        <button type="button" class="secondary" onClick={() => props.onClose()}>
          {t('close')}
        </button>
      </div>
      <ScreenTitle>{meta.title}</ScreenTitle>
      <p class="doc-sub">
        <CategoryIcon category={meta.category} size={24} /> {t(`category-${meta.category}`)}
        {meta.date ? ` · ${formatDate(meta.date, lang)}` : ''}
        {` · ${formatSize(meta.size, lang)}`}
      </p>
      {meta.note ? <p class="doc-note">{meta.note}</p> : null}
      <Viewer meta={meta} decrypted={decrypted} failure={failure} />
      <div class="actions">
        {decrypted ? (
          <button type="button" class="secondary" onClick={() => setConfirmDownload(true)}>
            {t('download')}
          </button>
        ) : null}
        <button type="button" class="secondary" aria-expanded={editing} onClick={() => setEditing(!editing)}>
          {t('edit')}
        </button>
        <button type="button" class="danger" onClick={() => setConfirmDelete(true)}>
          {t('delete')}
        </button>
      </div>
      {editing ? (
        <EditForm
          session={session}
          entry={entry}
          onDone={() => {
            setEditing(false);
            props.onChanged();
          }}
        />
      ) : null}
      <DownloadConfirm
        open={confirmDownload}
        fileName={downloadName(meta)}
        onCancel={() => setConfirmDownload(false)}
        onConfirm={() => {
          setConfirmDownload(false);
          save();
        }}
      />
      <Dialog open={confirmDelete} labelledBy="delete-title" role="alertdialog" onCancel={() => setConfirmDelete(false)}>
        <h2 id="delete-title">{t('delete-title')}</h2>
        <p>{t('delete-text', { title: meta.title })}</p>
        <ErrorBox message={error} />
        <div class="row">
          <button type="button" class="secondary" autofocus onClick={() => setConfirmDelete(false)}>
            {t('cancel')}
          </button>
          <button
            type="button"
            class="danger"
            disabled={busy}
            onClick={async () => {
              setBusy(true);
              try {
                await session.remove(entry);
                setConfirmDelete(false);
                props.onClose(t('deleted', { title: meta.title }));
              } catch (err) {
                setError(errorMessage(t, lang, err));
                setBusy(false);
              }
            }}
          >
            {t('delete-confirm')}
          </button>
        </div>
      </Dialog>
    </main>
  );
}

function EditForm(props: { session: Session; entry: DocEntry; onDone: () => void }) {
  const { t, lang } = useI18n();
  const meta = props.entry.meta!;
  const [title, setTitle] = useState(meta.title);
  const [category, setCategory] = useState<Category>(meta.category);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  return (
    <form
      class="stack card"
      autocomplete="off"
      onSubmit={async (e) => {
        e.preventDefault();
        if (!title.trim()) return setError(t('err-title'));
        setBusy(true);
        setError(null);
        try {
          await props.session.updateMetadata(props.entry, { title: title.trim(), category });
          props.onDone();
        } catch (err) {
          setError(errorMessage(t, lang, err));
          setBusy(false);
        }
      }}
    >
      <h2>{t('edit-title')}</h2>
      <label for="edit-title">{t('field-title')}</label>
      <input id="edit-title" autocomplete="off" maxLength={200} value={title} onInput={(e) => setTitle(e.currentTarget.value)} />
      <CategoryPicker name="edit-category" value={category} onChange={setCategory} />
      <ErrorBox message={error} />
      <button type="submit" class="primary" disabled={busy}>
        {t('save-changes')}
      </button>
    </form>
  );
}
