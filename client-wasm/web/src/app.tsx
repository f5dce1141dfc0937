import { useCallback, useEffect, useLayoutEffect, useMemo, useRef, useState } from 'preact/hooks';
import { endSessionOnLeave } from './api';
import type { OpenSession } from './auth';
import { CreateScreen } from './create';
import { closedNotice } from './downloads';
import { dirOf, initialLang, translator, type Lang } from './i18n-core';
import { LinkClosedScreen, LinkScreen } from './link';
import { takeCrypto } from './pde';
import { LinkSession, type WorkerSession } from './shared';
import { keepFocusInView } from './focus-in-view';
import { warmIntlWhenIdle } from './intl-warmup';
import { forget, navigate, setGuard, useNav } from './nav';
import { addressWithoutSecret, parseRoute, type Route } from './sharing';
import { DeletedScreen } from './settings';
import { RecoverScreen, StartScreen } from './start';
import { Dialog, I18nContext, LangSwitch, useI18n } from './ui';
import { WalletScreen } from './wallet';
import { JoinScreen, WorkerHome } from './worker';
import { QuickExitButton, leaveNow, useTripleEscape } from './quick-exit';
import { IDLE, idleTimings, isSharedComputer } from './shared-computer';
import { PrintBlockedNote } from './shared-computer-ui';
import { AskHelpScreen } from './helpers/ask';
import { HelpRequestBanner } from './helpers/banner';
import { setCurrentHelpRequest } from './helpers/recovery';

/** Inactivity before the wallet locks itself, and how long before that the warning shows. */
export const IDLE_LOCK_MS = IDLE.normal.lockMs;
export const IDLE_WARN_MS = IDLE.normal.warnMs;

type Screen = 'start' | 'create' | 'recover' | 'help' | 'wallet' | 'worker' | 'join' | 'link' | 'link-closed' | 'deleted';

/** Whatever is open: a holder's wallet, a worker's account, or a share link. */
type AnySession = OpenSession | LinkSession;

/** Screens inside an open wallet or account: Back from these to any other asks first. */
const OPEN_SCREENS: readonly Screen[] = ['wallet', 'worker'];

/** The address the app was loaded at (read once, its secret already out of the address bar). */
export function App(props: { route: Route }) {
  // The language lives in memory only: nothing is stored on the machine.
  const [lang, setLang] = useState<Lang>(() => initialLang(navigator.languages ?? [navigator.language]));
  const i18n = useMemo(() => ({ lang, t: translator(lang), setLang }), [lang]);
  useEffect(() => warmIntlWhenIdle(lang), [lang]);
  const [route, setRoute] = useState<Route>(props.route);
  const first: Screen = props.route.kind === 'join' ? 'join' : props.route.kind === 'link' ? 'link' : 'start';
  const [screen] = useNav<Screen>('screen', first);
  // A new screen of the app starts its own views afresh.
  const setScreen = (s: Screen) => navigate({ screen: s, wallet: undefined, workerView: undefined, createStep: undefined });
  const [worker, setWorker] = useNav<boolean>('worker', false);
  const [session, setSession] = useState<AnySession | null>(null);
  const [notice, setNotice] = useState<'idle' | 'quit' | 'lost' | null>(null);
  const sessionRef = useRef<AnySession | null>(null);
  const [linkReady, setLinkReady] = useState(false);
  const [askClose, setAskClose] = useState(false);

  // While a wallet is open (also during sign-up and recovery, once it exists), Back to a
  // screen outside it (the start page, the sign-up steps) would close it: ask first, and
  // stay until the person says so.
  useEffect(() => {
    setGuard((_from, to) => {
      if (!sessionRef.current || sessionRef.current.kind === 'link') return true;
      if (OPEN_SCREENS.includes((to.screen as Screen | undefined) ?? first)) return true;
      setAskClose(true);
      return false;
    });
    return () => setGuard(null);
  }, []);

  // Another /join#… address typed or opened in this same tab changes only the fragment: the
  // page is not reloaded, so read it here, and take it out of the address bar again.
  useEffect(() => {
    const onHash = () => {
      const r = parseRoute(location.pathname, location.hash);
      if (r.kind === 'app') return;
      history.replaceState(history.state, '', addressWithoutSecret(r, location.pathname));
      if (r.kind !== 'join' || sessionRef.current) return;
      setRoute(r);
      setNotice(null);
      setScreen('join');
    };
    window.addEventListener('hashchange', onHash);
    return () => window.removeEventListener('hashchange', onHash);
  }, []);

  // A share link: derive the link identity and access key once, then forget the fragment.
  useEffect(() => {
    if (route.kind !== 'link') return;
    let live = true;
    const fragment = route.secret;
    route.secret = null;
    void (async () => {
      let s: LinkSession | null = null;
      try {
        if (fragment) s = await LinkSession.start(route.id, fragment, takeCrypto());
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

  // The sticky header's height, for scroll-margin (styles.css): headings and fields scrolled
  // to stop below it.
  const top = useRef<HTMLElement>(null);
  useEffect(() => keepFocusInView(() => top.current), []);
  useLayoutEffect(() => {
    const header = top.current;
    if (!header) return;
    const set = () => document.documentElement.style.setProperty('--top-h', `${header.getBoundingClientRect().height}px`);
    set();
    const observer = new ResizeObserver(set);
    observer.observe(header);
    return () => observer.disconnect();
  }, []);

  useEffect(() => {
    document.documentElement.lang = lang;
    // Right to left in Arabic: the layout (logical CSS properties) mirrors with it.
    document.documentElement.dir = dirOf(lang);
    document.title = i18n.t('app-title');
  }, [lang]);

  /** A wallet now open, before its first screen (the recovery sheet, a new passphrase). */
  const adopt = (s: OpenSession) => {
    sessionRef.current = s;
    setSession(s);
  };

  const opened = (s: OpenSession) => {
    adopt(s);
    setNotice(null);
    setScreen(s.kind === 'worker' ? 'worker' : 'wallet');
  };

  const toStart = () => {
    // Leave /join or /s/… for the plain start page.
    if (location.pathname !== '/') history.replaceState(history.state, '', '/');
    setNotice(null);
    setScreen('start');
  };

  /** The wallet was deleted on the server: close it as Quit does, then the end page. */
  const deleted = useCallback(async () => {
    const s = sessionRef.current;
    sessionRef.current = null;
    setSession(null);
    setNotice(null);
    forget({ screen: 'deleted' });
    if (s) await s.lock();
  }, []);

  const lock = useCallback(async (reason: 'quit' | 'idle' | 'lost') => {
    const s = sessionRef.current;
    sessionRef.current = null;
    setSession(null);
    setAskClose(false);
    // What was open is gone from the history too: Back now leads to the start page.
    forget({ screen: s?.kind === 'link' ? 'link-closed' : 'start' });
    setNotice(reason);
    if (s) await s.lock();
  }, []);

  // Leaving the page any way but Quit (closing the tab, reloading, going Back past the app, a
  // crash of the tab aside) ends the server session and wipes the keys, as Quit does. A page
  // restored from the back-forward cache then shows the start page.
  useEffect(() => {
    const leave = () => {
      endSessionOnLeave();
      setCurrentHelpRequest(null);
      if (sessionRef.current) void lock('quit');
    };
    window.addEventListener('pagehide', leave);
    return () => window.removeEventListener('pagehide', leave);
  }, [lock]);

  // Quick exit (the header's button, or Escape three times): close what is open as Quit
  // does, at once and without waiting for the server, then leave for a blank page.
  const quickExit = useCallback(() => {
    const s = sessionRef.current;
    sessionRef.current = null;
    endSessionOnLeave();
    // A help request's key goes with its crypto worker.
    setCurrentHelpRequest(null);
    // lock() ends the crypto worker before its first await; the rest need not finish.
    if (s) void s.lock();
    leaveNow(document.getElementById('app'));
  }, []);
  useTripleEscape(quickExit);

  // A crypto worker that dies on its own (out of memory, ended from outside) took the keys
  // with it: close what was open and say so; the person opens it again.
  useEffect(() => {
    if (!session) return;
    return session.onLost(() => {
      if (sessionRef.current === session) void lock('lost');
    });
  }, [session, lock]);

  const who = session ? (session.kind === 'link' ? i18n.t('link-brand') : session.pseudonym) : null;

  return (
    <I18nContext.Provider value={i18n}>
      <header class={session ? 'top open' : 'top'} ref={top}>
        <span class="brand">
          {who ? <bdi class="who">{who}</bdi> : i18n.t('app-name')}
        </span>
        <LangSwitch />
        {session ? (
          <button type="button" class="quit" onClick={() => void lock('quit')}>
            {i18n.t('quit')}
          </button>
        ) : null}
        <QuickExitButton onExit={quickExit} />
      </header>
      {screen === 'wallet' && session?.kind === 'holder' ? (
        <IdleGuard onLock={() => void lock('idle')} onQuit={() => void lock('quit')}>
          {(keepAlive) => (
            <>
              <HelpRequestBanner key={session.pseudonym} />
              <WalletScreen key={session.pseudonym} session={session} keepAlive={keepAlive} onDeleted={() => void deleted()} />
            </>
          )}
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
      ) : screen === 'deleted' ? (
        <DeletedScreen onStart={toStart} />
      ) : screen === 'link-closed' ? (
        <LinkClosedScreen lost={notice === 'lost'} />
      ) : screen === 'join' && route.kind === 'join' ? (
        <JoinScreen
          key={route.token ?? ''}
          token={route.token}
          onDone={(s: WorkerSession) => {
            history.replaceState(history.state, '', '/');
            opened(s);
          }}
          onStart={toStart}
        />
      ) : screen === 'create' ? (
        <CreateScreen onCreated={adopt} onDone={opened} onBack={() => history.back()} />
      ) : screen === 'help' ? (
        <AskHelpScreen onOpened={adopt} onDone={opened} onBack={() => history.back()} />
      ) : screen === 'recover' ? (
        <RecoverScreen worker={worker} onOpened={adopt} onDone={opened} onBack={() => history.back()} />
      ) : (
        <StartScreen
          notice={notice ? i18n.t(closedNotice(notice, undefined, isSharedComputer())) : null}
          worker={worker}
          onWorker={(w) => {
            setNotice(null);
            setWorker(w);
          }}
          onOpened={opened}
          onCreate={() => {
            setNotice(null);
            setScreen('create');
          }}
          onRecover={() => {
            setNotice(null);
            setScreen('recover');
          }}
          onAskHelp={() => {
            setNotice(null);
            setScreen('help');
          }}
        />
      )}
      <Dialog open={askClose} labelledBy="close-title" role="alertdialog" onCancel={() => setAskClose(false)}>
        <h2 id="close-title">{i18n.t(session?.kind === 'worker' ? 'close-ask-title-worker' : 'close-ask-title')}</h2>
        <p>{i18n.t(session?.kind === 'worker' ? 'close-ask-text-worker' : 'close-ask-text')}</p>
        <div class="row">
          <button type="button" class="primary" autofocus onClick={() => setAskClose(false)}>
            {i18n.t('close-ask-stay')}
          </button>
          <button type="button" class="secondary" onClick={() => void lock('quit')}>
            {i18n.t('close-ask-close')}
          </button>
        </div>
      </Dialog>
      <PrintBlockedNote />
    </I18nContext.Provider>
  );
}

/**
 * Locks the wallet after some time without activity (10 minutes, 3 on a shared computer),
 * warning a minute before.
 */
function IdleGuard(props: { onLock: () => void; onQuit: () => void; children: (keepAlive: () => void) => preact.ComponentChildren }) {
  const { t } = useI18n();
  const [warning, setWarning] = useState(false);
  const timers = useRef<{ warn?: ReturnType<typeof setTimeout>; lock?: ReturnType<typeof setTimeout> }>({});
  const onLock = useRef(props.onLock);
  onLock.current = props.onLock;
  // The mode is chosen on the start page, before anything opens.
  const [{ lockMs, warnMs }] = useState(idleTimings);

  const keepAlive = useCallback(() => {
    clearTimeout(timers.current.warn);
    clearTimeout(timers.current.lock);
    setWarning(false);
    timers.current.warn = setTimeout(() => setWarning(true), warnMs);
    timers.current.lock = setTimeout(() => onLock.current(), lockMs);
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
