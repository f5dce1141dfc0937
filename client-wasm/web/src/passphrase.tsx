import { useEffect, useMemo, useState } from 'preact/hooks';
import { assess } from './strength';
import { loadWordList, pickWords, wordsLang } from './words';
import { LANGS, type Lang } from './i18n-core';
import { GENERATED_WORDS } from './passphrase-text';
import { PASSPHRASE_FIELD, useI18n } from './ui';

/** Generated words and the language of their list, kept by the screen that owns the sign-up. */
export interface GeneratedWords {
  words: string[] | null;
  lang: Lang | null;
  set: (words: string[], lang: Lang) => void;
}

/**
 * State for generated words that outlives the steps of a sign-up: going back to fix a name
 * (or a "name taken" answer) or switching language keeps the words the person may already
 * have written down, until they ask for others.
 */
export function useGeneratedWords(): GeneratedWords {
  const [state, setState] = useState<{ words: string[] | null; lang: Lang | null }>({ words: null, lang: null });
  return { ...state, set: (words, lang) => setState({ words, lang }) };
}

/** Every word of the three lists, for the strength meter. */
async function allWords(): Promise<Set<string>> {
  const lists = await Promise.all(LANGS.map((l) => loadWordList(l)));
  return new Set(lists.flat());
}

/**
 * Lets the person take a generated passphrase (5 words of their language) or type one
 * (with a strength meter that refuses weak ones). Calls onDone with the chosen passphrase.
 */
export function PassphraseChooser(props: {
  busy: boolean;
  submitLabel: string;
  onDone: (passphrase: string) => void;
  generated?: GeneratedWords;
}) {
  const { t, lang: pageLang } = useI18n();
  // The language of the words (not always the page's: see wordsLang).
  const lang = wordsLang(pageLang);
  const own = useGeneratedWords();
  const generated = props.generated ?? own;
  const words = generated.words;
  const [mode, setMode] = useState<'generated' | 'typed'>('generated');
  const [list, setList] = useState<{ lang: Lang; words: string[] } | null>(null);
  const [typed, setTyped] = useState('');
  const [again, setAgain] = useState('');
  const [show, setShow] = useState(false);
  const [dictionary, setDictionary] = useState<Set<string>>(new Set());
  const [tried, setTried] = useState(false);

  // The list of the language shown; words are only picked when there are none yet.
  useEffect(() => {
    let live = true;
    void loadWordList(lang).then((l) => {
      if (!live) return;
      setList({ lang, words: l });
      if (!generated.words) generated.set(pickWords(l, GENERATED_WORDS), lang);
    });
    return () => {
      live = false;
    };
  }, [lang]);

  const another = () => {
    if (list && list.lang === lang) generated.set(pickWords(list.words, GENERATED_WORDS), lang);
  };
  const otherLanguage = words !== null && generated.lang !== null && generated.lang !== lang ? generated.lang : null;

  useEffect(() => {
    if (mode === 'typed' && dictionary.size === 0) void allWords().then(setDictionary);
  }, [mode]);

  const strength = useMemo(() => assess(typed, dictionary), [typed, dictionary]);
  const mismatch = again.length > 0 && typed.normalize('NFC').trim() !== again.normalize('NFC').trim();

  if (mode === 'generated') {
    return (
      <form
        class="stack"
        autocomplete="off"
        onSubmit={(e) => {
          e.preventDefault();
          if (words) props.onDone(words.join(' '));
        }}
      >
        <h2 id="pp-generated-title">{t('pass-generated-title')}</h2>
        <p>{t('pass-generated-help')}</p>
        <p class="passphrase" aria-live="polite" data-testid="generated-passphrase" lang={generated.lang ?? lang} dir="ltr">
          {words ? words.map((w, i) => <span key={i}>{w} </span>) : t('please-wait')}
        </p>
        {otherLanguage ? (
          <p class="notice" role="status" data-testid="words-language">
            {t('pass-words-kept')}
          </p>
        ) : null}
        <div class="row">
          <button type="button" class="secondary" disabled={!list || list.lang !== lang || props.busy} onClick={another}>
            {t('pass-show-another')}
          </button>
          <button type="button" class="link" disabled={props.busy} onClick={() => setMode('typed')}>
            {t('pass-type-own')}
          </button>
        </div>
        <p class="hint">{t('pass-write-down')}</p>
        <button type="submit" class="primary" disabled={!words || props.busy}>
          {props.submitLabel}
        </button>
      </form>
    );
  }

  const levels = ['pass-level-0', 'pass-level-1', 'pass-level-2', 'pass-level-3'];
  return (
    <form
      class="stack"
      autocomplete="off"
      onSubmit={(e) => {
        e.preventDefault();
        setTried(true);
        if (strength.acceptable && !mismatch && again.length > 0) props.onDone(typed.normalize('NFC').trim());
      }}
    >
      <h2>{t('pass-typed-title')}</h2>
      <p>{t('pass-typed-help')}</p>
      <label for="pp-typed">{t('pass-typed-label')}</label>
      <input
        id="pp-typed"
        type={show ? 'text' : 'password'}
        {...PASSPHRASE_FIELD}
        dir="auto"
        value={typed}
        aria-describedby="pp-meter-text"
        onInput={(e) => setTyped(e.currentTarget.value)}
      />
      <div class={`meter level-${typed ? strength.level : 'none'}`} aria-hidden="true">
        <span />
        <span />
        <span />
        <span />
      </div>
      <p id="pp-meter-text" class="meter-text" aria-live="polite">
        {typed ? t('pass-strength', { level: t(levels[strength.level]!) }) : t('pass-strength-empty')}
        {typed && !strength.acceptable ? ` ${t('pass-too-weak')}` : ''}
      </p>
      <label for="pp-again">{t('pass-again-label')}</label>
      <input
        id="pp-again"
        type={show ? 'text' : 'password'}
        {...PASSPHRASE_FIELD}
        dir="auto"
        value={again}
        onInput={(e) => setAgain(e.currentTarget.value)}
      />
      <label class="check">
        <input type="checkbox" checked={show} onChange={(e) => setShow(e.currentTarget.checked)} />
        {t('pass-show')}
      </label>
      <div class="error" role="alert">
        {tried && !strength.acceptable ? t('pass-too-weak') : tried && (mismatch || !again) ? t('pass-mismatch') : ''}
      </div>
      <div class="row">
        <button type="button" class="link" disabled={props.busy} onClick={() => setMode('generated')}>
          {t('pass-use-generated')}
        </button>
      </div>
      <button type="submit" class="primary" disabled={props.busy}>
        {props.submitLabel}
      </button>
    </form>
  );
}

