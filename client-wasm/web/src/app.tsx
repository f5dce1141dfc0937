import { useCallback, useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { endSessionOnLeave } from './api';
import type { OpenSession } from './auth';
import { CreateScreen } from './create';
import { closedNotice } from './downloads';
import { initialLang, translator, type Lang } from './i18n-core';
import { LinkClosedScreen, LinkScreen } from './link';
import { LinkSecret, loadCrypto } from './pde';
import { LinkSession, type WorkerSession } from './shared';
import type { Route } from './sharing';
import { RecoverScreen, StartScreen } from './start';
import { Dialog, I18nContext, LangSwitch, useI18n } from './ui';
import { WalletScreen } from './wallet';
import { JoinScreen, WorkerHome } from './worker';

/** Inactivity before the wallet locks itself, and how long before that the warning shows. */
export const IDLE_LOCK_MS = 10 * 60 * 1000;
export const IDLE_WARN_MS = 9 * 60 * 1000;

type Screen = 'start' | 'create' | 'recover' | 'wallet' | 'worker' | 'join' | 'link' | 'link-closed';

/** Whatever is open: a holder's wallet, a worker's account, or a share link. */
type AnySession = OpenSession | LinkSession;

/** The address the app was loaded at (read once, its secret already out of the address bar). */
export function App(props: { route: Route }) {
  // The language lives in memory only: nothing is stored on the machine.
  const [lang, setLang] = useState<Lang>(() => initialLang(navigator.languages ?? [navigator.language]));
  const i18n = useMemo(() => ({ lang, t: translator(lang), setLang }), [lang]);
  const route = props.route;
  const [screen, setScreen] = useState<Screen>(route.kind === 'join' ? 'join' : route.kind === 'link' ? 'link' : 'start');
  const [session, setSession] = useState<AnySession | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const sessionRef = useRef<AnySession | null>(null);
  const [linkReady, setLinkReady] = useState(false);

  // A share link: derive the link identity and access key once, then forget the fragment.
  useEffect(() => {
    if (route.kind !== 'link') return;
    let live = true;
    const fragment = route.secret;
    route.secret = null;
    void (async () => {
      let s: LinkSession | null = null;
      try {
        await loadCrypto();
        if (fragment) s = new LinkSession(route.id, LinkSecret.parse(fragment));
      } catch {
        s = null;
      }
      if (!live) {
        void s?.lock();
        return;
      }
      sessionRef.current = s;
      setSession(s);
      setLinkReady(true);
    })();
    return () => {
      live = false;
    };
  }, []);

  useEffect(() => {
    document.documentElement.lang = lang;
    document.title = i18n.t('app-title');
  }, [lang]);

  const opened = (s: OpenSession) => {
    sessionRef.current = s;
    setSession(s);
    setNotice(null);
    setScreen(s.kind === 'worker' ? 'worker' : 'wallet');
  };

  const toStart = () => {
    // Leave /join or /s/… for the plain start page.
    if (location.pathname !== '/') history.replaceState(null, '', '/');
    setNotice(null);
    setScreen('start');
  };

  const lock = useCallback(async (reason: 'quit' | 'idle') => {
    const s = sessionRef.current;
    sessionRef.current = null;
    setSession(null);
    setScreen(s?.kind === 'link' ? 'link-closed' : 'start');
    setNotice(reason === 'idle' ? 'idle' : 'quit');
    if (s) await s.lock();
  }, []);

  // Leaving the page any way but Quit (closing the tab, reloading, going Back past the app, a
  // crash of the tab aside) ends the server session and wipes the keys, as Quit does. A page
  // restored from the back-forward cache then shows the start page.
  useEffect(() => {
    const leave = () => {
      endSessionOnLeave();
      if (sessionRef.current) void lock('quit');
    };
    window.addEventListener('pagehide', leave);
    return () => window.removeEventListener('pagehide', leave);
  }, [lock]);

  const who = session ? (session.kind === 'link' ? i18n.t('link-brand') : session.pseudonym) : null;

  return (
    <I18nContext.Provider value={i18n}>
      <header class={session ? 'top open' : 'top'}>
        <span class="brand">
          {who ? <span class="who">{who}</span> : i18n.t('app-name')}
        </span>
        <LangSwitch />
        {session ? (
          <button type="button" class="quit" onClick={() => void lock('quit')}>
            {i18n.t('quit')}
          </button>
        ) : null}
      </header>
      {screen === 'wallet' && session?.kind === 'holder' ? (
        <IdleGuard onLock={() => void lock('idle')} onQuit={() => void lock('quit')}>
          {(keepAlive) => <WalletScreen key={session.pseudonym} session={session} keepAlive={keepAlive} />}
        </IdleGuard>
      ) : screen === 'worker' && session?.kind === 'worker' ? (
        <IdleGuard onLock={() => void lock('idle')} onQuit={() => void lock('quit')}>
          {() => <WorkerHome key={session.pseudonym} session={session} />}
        </IdleGuard>
      ) : screen === 'link' ? (
        linkReady ? (
          <IdleGuard onLock={() => void lock('idle')} onQuit={() => void lock('quit')}>
            {() => <LinkScreen session={session?.kind === 'link' ? session : null} />}
          </IdleGuard>
        ) : (
          <main class="screen">
            <p aria-live="polite">{i18n.t('link-opening')}</p>
          </main>
        )
      ) : screen === 'link-closed' ? (
        <LinkClosedScreen />
      ) : screen === 'join' && route.kind === 'join' ? (
        <JoinScreen
          token={route.token}
          onDone={(s: WorkerSession) => {
            history.replaceState(null, '', '/');
            opened(s);
          }}
          onStart={toStart}
        />
      ) : screen === 'create' ? (
        <CreateScreen onDone={opened} onBack={() => setScreen('start')} />
      ) : screen === 'recover' ? (
        <RecoverScreen onDone={opened} onBack={() => setScreen('start')} />
      ) : (
        <StartScreen
          notice={notice ? i18n.t(closedNotice(notice === 'idle' ? 'idle' : 'quit')) : null}
          onOpened={opened}
          onCreate={() => {
            setNotice(null);
            setScreen('create');
          }}
          onRecover={() => {
            setNotice(null);
            setScreen('recover');
          }}
        />
      )}
    </I18nContext.Provider>
  );
}

/** Locks the wallet after IDLE_LOCK_MS without activity, warning IDLE_WARN_MS in. */
function IdleGuard(props: { onLock: () => void; onQuit: () => void; children: (keepAlive: () => void) => preact.ComponentChildren }) {
  const { t } = useI18n();
  const [warning, setWarning] = useState(false);
  const timers = useRef<{ warn?: ReturnType<typeof setTimeout>; lock?: ReturnType<typeof setTimeout> }>({});
  const onLock = useRef(props.onLock);
  onLock.current = props.onLock;

  const keepAlive = useCallback(() => {
    clearTimeout(timers.current.warn);
    clearTimeout(timers.current.lock);
    setWarning(false);
    timers.current.warn = setTimeout(() => setWarning(true), IDLE_WARN_MS);
    timers.current.lock = setTimeout(() => onLock.current(), IDLE_LOCK_MS);
  }, []);

  useEffect(() => {
    keepAlive();
    let last = 0;
    const activity = () => {
      const now = Date.now();
      if (now - last < 1000) return;
      last = now;
      keepAlive();
    };
    const events = ['pointerdown', 'keydown', 'touchstart', 'wheel', 'input'] as const;
    for (const e of events) window.addEventListener(e, activity, { capture: true, passive: true });
    return () => {
      for (const e of events) window.removeEventListener(e, activity, { capture: true });
      clearTimeout(timers.current.warn);
      clearTimeout(timers.current.lock);
    };
  }, []);

  return (
    <>
      {props.children(keepAlive)}
      <Dialog open={warning} labelledBy="idle-title" role="alertdialog" onCancel={keepAlive}>
        <h2 id="idle-title">{t('idle-title')}</h2>
        <p>{t('idle-text')}</p>
        <div class="row">
          <button type="button" class="primary" autofocus onClick={keepAlive}>
            {t('idle-stay')}
          </button>
          <button type="button" class="secondary" onClick={props.onQuit}>
            {t('idle-quit')}
          </button>
        </div>
      </Dialog>
    </>
  );
}
