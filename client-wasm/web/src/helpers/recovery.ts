/**
 * The recovering browser's side of a help request (docs/api.md, "Trusted helpers"): a crypto
 * worker of its own holds the request's fresh key and the paper cards typed in; the page
 * keeps the request's token (in memory only), its code and what the server says of it.
 */
import { api, type HelpStatus, type StartedHelpRequest } from '../api';
import { fromBase64, toBase64 } from '../base64';
import { takeCrypto, type CryptoWorker } from '../pde';
import { Session } from '../session';

export type CardResult = 'added' | 'again' | 'mistyped' | 'invalid';

export class HelpRequest {
  /** Auth keys of the cards typed so far (Base64), sent with the release request. */
  private cardKeys: string[] = [];
  status: HelpStatus;

  private constructor(
    readonly crypto: CryptoWorker,
    readonly pseudonym: string,
    private readonly token: string,
    readonly started: StartedHelpRequest,
  ) {
    this.status = {
      state: 'open',
      approvals: 0,
      code: started.code,
      ready_at: started.ready_at,
      expires_at: started.expires_at,
    };
  }

  /** Asks for help with the pseudonym alone; the answer is the same whether it exists or not. */
  static async start(pseudonym: string): Promise<HelpRequest> {
    const crypto = takeCrypto();
    try {
      const key = await crypto.call({ op: 'helpStart' });
      const started = await api.startHelpRequest({ pseudonym, recipient: key.recipient });
      // The code is the recipient's, made in this browser: a server that answered another
      // would send the helpers another key to seal their shares to.
      if (started.code !== key.code) throw new Error('the server answered another code');
      return new HelpRequest(crypto, pseudonym, started.token, started);
    } catch (e) {
      crypto.terminate();
      throw e;
    }
  }

  get code(): string {
    return this.started.code;
  }

  get cards(): number {
    return this.cardKeys.length;
  }

  async refresh(): Promise<HelpStatus> {
    this.status = await api.helpStatus(this.token);
    return this.status;
  }

  /** A typed or scanned paper card: read in the crypto worker, which keeps its share. */
  async addCard(text: string): Promise<CardResult> {
    const got = await this.crypto.call({ op: 'helpAddCard', text });
    if ('invalid' in got) return got.invalid;
    const key = toBase64(got.authKey);
    if (this.cardKeys.includes(key)) return 'again';
    this.cardKeys.push(key);
    return 'added';
  }

  /**
   * Once the wait is over and enough helpers approved: the server's part and the shares,
   * opened in the worker with the cards, open the wallet; completing ends every other session
   * of it. Answers the open wallet's session (the page then sets a new passphrase).
   */
  async open(): Promise<Session> {
    const released = await api.releaseHelp(this.token, this.cardKeys);
    const { authKey } = await this.crypto.call({
      op: 'helpOpen',
      serverPart: fromBase64(released.server_part),
      shares: released.shares.map(fromBase64),
      slot: fromBase64(released.slot),
    });
    await api.completeHelp(this.token, toBase64(authKey));
    const session = new Session(this.crypto, this.pseudonym);
    await session.refresh();
    return session;
  }

  /** Gives up on the request in this browser: its key goes with the worker. */
  drop(): void {
    this.crypto.terminate();
  }
}

/**
 * The request asked in this tab, if any: going back to "Ask for help" shows it again rather
 * than asking a second time (the server keeps one open per wallet).
 */
let current: HelpRequest | null = null;

export function currentHelpRequest(): HelpRequest | null {
  if (current && !current.crypto.alive) current = null;
  return current;
}

export function setCurrentHelpRequest(r: HelpRequest | null): void {
  if (current && current !== r) current.drop();
  current = r;
}

/** The request is used up: forget it without ending its worker (the wallet lives in it now). */
export function releaseCurrentHelpRequest(): void {
  current = null;
}
