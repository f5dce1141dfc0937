import { useEffect, useLayoutEffect, useRef, useState } from 'preact/hooks';
import { CATEGORIES, CategoryIcon, type Category } from './categories';
import { TITLE_MAX, formatDate, formatSize, titleAfterChoosing, titleLength } from './format';
import { downscaleImage, DOWNSCALABLE, makeThumbnail, thumbField } from './image';
import { newMetadata } from './metadata';
import type { DocEntry, Phase, Session } from './session';
import { DocList } from './doclist';
import { HideScreen } from './hide';
import { SettingsScreen } from './settings';
import { ShareScreen } from './share/screen';
import { MySharesScreen } from './share/shares';
import { backTo, useNav } from './nav';
import { Dialog, ErrorBox, Listen, ScreenTitle, errorMsg, focusOn, invalidProps, msg, say, useAction, useI18n, useSession, type Msg } from './ui';
import { DownloadConfirm, Viewer, downloadName, useDecrypted } from './viewer';

type View =
  | { kind: 'home' }
  | { kind: 'add' }
  | { kind: 'note' }
  | { kind: 'doc'; id: string }
  | { kind: 'share' }
  | { kind: 'hide' }
  | { kind: 'shares' }
  | { kind: 'settings' };

export function WalletScreen(props: { session: Session; keepAlive: () => void; onDeleted: () => void }) {
  const { session } = props;
  // Each view is a history entry: Back returns to the one before (see nav.ts).
  const [view, setView] = useNav<View>('wallet', { kind: 'home' });
  const [filter, setFilter] = useState<Category | null>(null);
  // The list, usage and titles change as documents are added, decrypted, renamed, deleted.
  useSession(session);
  // Kept as a key: a language switch translates it again.
  const [message, setMessage] = useState<Msg | null>(null);
  // The document just added: the list shows it in view, with the focus on it.
  const [added, setAdded] = useState<string | null>(null);

  const home = (m: Msg | null = null) => {
    setMessage(m);
    setAdded(null);
    // Leaving a view: back in history to the wallet's home, as the Back button would.
    if (view.kind !== 'home') backTo((e) => e.screen === 'wallet' && ((e.wallet as View | undefined)?.kind ?? 'home') === 'home', { wallet: { kind: 'home' } });
  };

  if (view.kind === 'add' || view.kind === 'note') {
    return (
      <AddScreen
        session={session}
        note={view.kind === 'note'}
        initialCategory={view.kind === 'note' ? 'my_story' : (filter ?? 'other')}
        keepAlive={props.keepAlive}
        onDone={(m, id) => {
          home(m);
          setAdded(id);
        }}
        onCancel={() => home()}
      />
    );
  }
  if (view.kind === 'share') {
    return (
      <ShareScreen
        session={session}
        onDone={() => home()}
        onShares={() => setView({ kind: 'shares' })}
        onCancel={() => home()}
      />
    );
  }
  if (view.kind === 'hide') {
    return <HideScreen session={session} onDone={(m) => home(m)} onCancel={() => home()} />;
  }
  if (view.kind === 'shares') {
    return <MySharesScreen session={session} onClose={() => home()} onShare={() => setView({ kind: 'share' })} />;
  }
  if (view.kind === 'settings') {
    return <SettingsScreen session={session} onClose={() => home()} onDeleted={props.onDeleted} />;
  }
  if (view.kind === 'doc') {
    const entry = session.docs.find((d) => d.id === view.id);
    if (entry) {
      return (
        <DocumentScreen
          session={session}
          entry={entry}
          onClose={(msg) => {
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
      added={added}
      onAdd={() => setView({ kind: 'add' })}
      onNote={() => setView({ kind: 'note' })}
      onOpen={(id) => setView({ kind: 'doc', id })}
      onShare={() => setView({ kind: 'share' })}
      onHide={() => setView({ kind: 'hide' })}
      onShares={() => setView({ kind: 'shares' })}
      onSettings={() => setView({ kind: 'settings' })}
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
  message: Msg | null;
  added: string | null;
  onAdd: () => void;
  onNote: () => void;
  onOpen: (id: string) => void;
  onShare: () => void;
  onHide: () => void;
  onShares: () => void;
  onSettings: () => void;
}) {
  const { t, lang } = useI18n();
  const { session, filter } = props;
  // The list opens what is on screen first; the rest shows as it is decrypted (the wallet
  // screen renders again on each change, see useSession).
  const docs = sortedDocs(session.docs.filter((d) => !d.pending));
  const opening = session.docs.length - docs.length;
  const count = (c: Category) => docs.filter((d) => d.meta?.category === c).length;
  const shown = filter ? docs.filter((d) => d.meta?.category === filter) : docs;
  const usage = session.usage;
  const listTitle = useRef<HTMLHeadingElement>(null);
  const list = useRef<HTMLElement>(null);
  const filtered = useRef(false);

  // A filter changes the list below the tiles, out of sight on a phone: go to it.
  useEffect(() => {
    if (filtered.current) focusOn(listTitle.current);
  }, [filter]);
  // A document just added: show it in the list, with the focus on it (after the heading's).
  useLayoutEffect(() => {
    if (props.added) focusOn(list.current?.querySelector<HTMLElement>(`[data-doc="${props.added}"]`));
  }, [props.added]);
  const choose = (c: Category | null) => {
    filtered.current = true;
    props.setFilter(c);
  };

  return (
    <main class="screen wide">
      <ScreenTitle>{t('wallet-title')}</ScreenTitle>
      {props.message ? (
        <p class="notice" role="status">
          {say(t, lang, props.message)}
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
        <button type="button" class="secondary" disabled={docs.length === 0} onClick={props.onHide}>
          {t('hide-start')}
        </button>
        <button type="button" class="secondary" onClick={props.onShares}>
          {t('shares-open')}
        </button>
        <button type="button" class="secondary" onClick={props.onSettings}>
          {t('settings-open')}
        </button>
      </div>
      <section aria-labelledby="cat-title">
        <h2 id="cat-title">{t('categories-title')}</h2>
        <div class="tiles">
          <button type="button" class="tile" aria-pressed={filter === null} onClick={() => choose(null)}>
            <span class="tile-name">{t('category-all')}</span>
            <span class="tile-count">{t('doc-count', { n: docs.length })}</span>
          </button>
          {CATEGORIES.map((c) => (
            <button type="button" class="tile" key={c} aria-pressed={filter === c} onClick={() => choose(filter === c ? null : c)}>
              <CategoryIcon category={c} />
              <span class="tile-name">{t(`category-${c}`)}</span>
              <span class="tile-count">{t('doc-count', { n: count(c) })}</span>
            </button>
          ))}
        </div>
      </section>
      <section aria-labelledby="docs-title" ref={list}>
        <h2 id="docs-title" tabIndex={-1} ref={listTitle}>
          {filter ? t(`category-${filter}`) : t('documents-all')}
        </h2>
        {shown.length === 0 && !opening ? <p>{t('documents-none')}</p> : null}
        <DocList docs={shown} onOpen={props.onOpen} showDate />
        {opening ? <p role="status">{t('documents-opening', { n: opening })}</p> : null}
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
  onDone: (m: Msg, id: string) => void;
  onCancel: () => void;
}) {
  const { t, lang } = useI18n();
  const [file, setFile] = useState<File | null>(null);
  const [title, setTitle] = useState('');
  // The title last suggested from a file name: a new file replaces it, not a typed title.
  const [suggested, setSuggested] = useState<string | null>(null);
  const [category, setCategory] = useState<Category>(props.initialCategory);
  const [date, setDate] = useState('');
  const [note, setNote] = useState('');
  const [text, setText] = useState('');
  const [keepOriginal, setKeepOriginal] = useState(false);
  // The chosen photo's thumbnail, made while the person fills in the form.
  const thumb = useRef<Promise<Blob | null> | null>(null);
  // A photo the browser cannot decode: stored as it is, without a thumbnail.
  const [noThumb, setNoThumb] = useState(false);
  const [busy, setBusy] = useState(false);
  const [progress, setProgress] = useState<{ phase: Phase | 'prepare'; value: number } | null>(null);
  // An error and the field it is about ('save' for the form as a whole, shown by the button).
  const [error, setError] = useState<{ field: 'file' | 'title' | 'text' | 'save'; m: Msg } | null>(null);
  const fail = (field: 'file' | 'title' | 'text' | 'save', m: Msg) => setError({ field, m });
  const errorAt = (field: 'file' | 'title' | 'text' | 'save') => (error?.field === field ? say(t, lang, error.m) : null);
  const titleTooLong = titleLength(title) > TITLE_MAX;

  function chose(e: Event) {
    const input = e.currentTarget as HTMLInputElement;
    const f = input.files?.[0] ?? null;
    setFile(f);
    setError(null);
    setNoThumb(false);
    // (Whatever goes wrong making it, the photo is stored without one.)
    const made = f && DOWNSCALABLE.includes(f.type) ? makeThumbnail(f).catch(() => null) : null;
    thumb.current = made;
    if (made) {
      void made.then((b) => {
        if (thumb.current === made) setNoThumb(b === null);
      });
    } else if (f && f.type.startsWith('image/')) {
      setNoThumb(true);
    }
    if (f) {
      const next = titleAfterChoosing(f.name, title, suggested);
      if (next !== title) {
        setTitle(next);
        setSuggested(next);
      }
      props.session.checkLimits(f.size).catch((err: unknown) => {
        if (!DOWNSCALABLE.includes(f.type)) fail('file', errorMsg(err));
      });
    }
  }

  async function submit(e: Event) {
    e.preventDefault();
    if (!props.note && !file) return fail('file', msg('err-choose-file'));
    if (props.note && !text.trim()) return fail('text', msg('err-write-text'));
    if (!title.trim()) return fail('title', msg('err-title'));
    if (titleTooLong) return fail('title', msg('err-title-too-long', { max: TITLE_MAX, n: titleLength(title) }));
    setBusy(true);
    setError(null);
    try {
      let content: Blob;
      let mime: string;
      let fileName: string | null;
      let made: Blob | null = null;
      if (props.note) {
        content = new Blob([new TextEncoder().encode(text)], { type: 'text/plain' });
        mime = 'text/plain';
        fileName = null;
      } else {
        setProgress({ phase: 'prepare', value: 0 });
        made = (await thumb.current) ?? null;
        content = keepOriginal ? file! : await downscaleImage(file!);
        mime = content.type || file!.type || 'application/octet-stream';
        fileName = content === file ? file!.name : file!.name.replace(/\.[A-Za-z0-9]{1,5}$/, '') + '.jpg';
      }
      await props.session.checkLimits(content.size);
      const meta = newMetadata({
        title: title.trim(), category, fileName, mime, size: content.size,
        date: date || null, note: note.trim() || null, thumb: made ? await thumbField(made) : null,
      });
      const id = await props.session.add(content, meta, (phase, fraction) => {
        props.keepAlive();
        setProgress({ phase, value: fraction });
      });
      props.onDone(msg('added', { title: meta.title }), id);
    } catch (err) {
      fail('save', errorMsg(err));
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
      {props.note ? null : <Listen texts={[t('add-title'), t('err-choose-file'), t('field-note-help')]} />}
      <form class="stack card" autocomplete="off" onSubmit={submit}>
        {props.note ? null : (
          <fieldset class="stack">
            <legend>{t('field-file')}</legend>
            <div class="pickers">
              <label class="button secondary file-button">
                <input
                  type="file"
                  class="visually-hidden"
                  accept="image/*"
                  capture="environment"
                  {...invalidProps('doc-file-error', error?.field === 'file')}
                  disabled={busy}
                  onChange={chose}
                />
                {t('take-photo')}
              </label>
              <label class="button secondary file-button">
                <input type="file" class="visually-hidden" {...invalidProps('doc-file-error', error?.field === 'file')} disabled={busy} onChange={chose} />
                {t('choose-file')}
              </label>
            </div>
            <p class="chosen" aria-live="polite">
              {file ? t('file-chosen', { name: file.name, size: formatSize(file.size, lang) }) : t('file-none')}
            </p>
            <ErrorBox id="doc-file-error" message={errorAt('file')} />
            <p class="hint" aria-live="polite" data-testid="no-thumb">
              {noThumb ? t('thumb-none') : ''}
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
        <input
          id="doc-title"
          dir="auto"
          autocomplete="off"
          {...invalidProps('doc-title-error', error?.field === 'title')}
          value={title}
          disabled={busy}
          onInput={(e) => setTitle(e.currentTarget.value)}
        />
        <TitleLimit title={title} />
        <ErrorBox id="doc-title-error" message={errorAt('title')} />
        {props.note ? (
          <>
            <label for="doc-text">{t('field-text')}</label>
            <textarea
              id="doc-text"
              dir="auto"
              rows={10}
              autocomplete="off"
              {...invalidProps('doc-text-error', error?.field === 'text')}
              value={text}
              disabled={busy}
              onInput={(e) => setText(e.currentTarget.value)}
            />
            <ErrorBox id="doc-text-error" message={errorAt('text')} />
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
              dir="auto"
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
        <ErrorBox message={errorAt('save')} />
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

/** Under a title field: how long it is, once it comes near the limit (nothing is cut). */
function TitleLimit({ title }: { title: string }) {
  const { t } = useI18n();
  const n = titleLength(title);
  return (
    <p class={n > TITLE_MAX ? 'hint over' : 'hint'} aria-live="polite">
      {n > TITLE_MAX - 20 ? t('title-length', { n, max: TITLE_MAX }) : ''}
    </p>
  );
}

function DocumentScreen(props: { session: Session; entry: DocEntry; onClose: (m?: Msg) => void }) {
  const { t, lang } = useI18n();
  const { session, entry } = props;
  const meta = entry.meta!;
  const { decrypted, failure, save } = useDecrypted(session, entry.id, meta, () => session.open(entry));
  const [confirmDownload, setConfirmDownload] = useState(false);
  const [editing, setEditing] = useState(false);
  const [confirmDelete, setConfirmDelete] = useState(false);
  const deleting = useAction();
  const [saved, setSaved] = useState(false);
  const heading = useRef<HTMLDivElement>(null);

  return (
    <main class="screen wide">
      <div class="row">
        <button type="button" class="secondary" onClick={() => props.onClose()}>
          {t('close')}
        </button>
      </div>
      <div ref={heading}>
        <ScreenTitle>
          <bdi>{meta.title}</bdi>
        </ScreenTitle>
      </div>
      <p class="status" role="status">
        {saved ? t('edit-saved') : ''}
      </p>
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
        <button
          type="button"
          class="secondary"
          aria-expanded={editing}
          onClick={() => {
            setSaved(false);
            setEditing(!editing);
          }}
        >
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
            setSaved(true);
            // The new title is at the top: go there.
            focusOn(heading.current?.querySelector('h1'));
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
        <ErrorBox {...deleting.box} />
        <div class="row">
          <button type="button" class="secondary" autofocus onClick={() => setConfirmDelete(false)}>
            {t('cancel')}
          </button>
          <button
            type="button"
            class="danger"
            disabled={deleting.busy}
            onClick={async () => {
              const done = await deleting.run(async () => {
                await session.remove(entry);
                return true;
              });
              if (!done) return;
              setConfirmDelete(false);
              props.onClose(msg('deleted', { title: meta.title }));
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
  // The title's own check, shown next to it; the save's failure is the action's.
  const [titleError, setTitleError] = useState<Msg | null>(null);
  const saving = useAction();
  const field = useRef<HTMLInputElement>(null);
  // The form opens below the document, out of sight on a phone: go to its first field.
  useLayoutEffect(() => focusOn(field.current), []);
  return (
    <form
      class="stack card"
      autocomplete="off"
      onSubmit={async (e) => {
        e.preventDefault();
        saving.fail(null);
        if (!title.trim()) return setTitleError(msg('err-title'));
        if (titleLength(title) > TITLE_MAX) return setTitleError(msg('err-title-too-long', { max: TITLE_MAX, n: titleLength(title) }));
        setTitleError(null);
        const done = await saving.run(async () => {
          await props.session.updateMetadata(props.entry, { title: title.trim(), category });
          return true;
        });
        if (done) props.onDone();
      }}
      {...saving.busyProps}
    >
      <h2>{t('edit-title')}</h2>
      <label for="edit-title">{t('field-title')}</label>
      <input
        id="edit-title"
        dir="auto"
        ref={field}
        autocomplete="off"
        {...invalidProps('edit-title-error', titleError !== null)}
        value={title}
        onInput={(e) => setTitle(e.currentTarget.value)}
      />
      <TitleLimit title={title} />
      <ErrorBox id="edit-title-error" message={titleError ? say(t, lang, titleError) : null} />
      <CategoryPicker name="edit-category" value={category} onChange={setCategory} />
      <ErrorBox {...saving.box} />
      <button type="submit" class="primary" disabled={saving.busy}>
        {t('save-changes')}
      </button>
    </form>
  );
}
