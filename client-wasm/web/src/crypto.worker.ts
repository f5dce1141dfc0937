/// <reference lib="webworker" />
/**
 * The crypto worker: the only place the WASM module (pde-client-wasm) runs. It holds the
 * wallet, its document identities, slot keys, link secrets and content streams, and answers
 * the requests of crypto-protocol.ts. The page terminates it to lock: its memory, keys
 * included, is gone with it.
 */
import init, {
  ContentExporter, ContentReader, DocumentWriter, HelpRecovery, HelperSetup, LinkSecret, PasskeyKey, SlotKeys, Wallet,
  deriveRecoveryKeys, derivePassphraseKeys, derivePasskeyKey, encryptNote, encryptedLength, generateRecoveryCode, helpRequestCode, randomSalt,
  reserveKdfMemory,
} from './pkg/pde_client_wasm.js';
import { pdeErrorCode, transferables, type FromWorker, type Op, type ReplyOf, type RequestOf, type ToWorker } from './crypto-protocol';

declare const self: DedicatedWorkerGlobalScope;

const ready = init();

let wallet: Wallet | null = null;
let nextId = 1;
const slotKeys = new Map<number, SlotKeys>();
const streams = new Map<number, DocumentWriter | ContentReader | ContentExporter>();
const links = new Map<number, LinkSecret>();
const helperSetups = new Map<number, HelperSetup>();
/** The recovering browser's help request: one at a time. */
let help: HelpRecovery | null = null;

function theHelpRequest(): HelpRecovery {
  if (!help) throw Object.assign(new Error('no help request'), { name: 'PdeError', code: 'invalid_input' });
  return help;
}

function store<T>(map: Map<number, T>, value: T): number {
  const id = nextId++;
  map.set(id, value);
  return id;
}

function need<T>(map: Map<number, T>, id: number): T {
  const value = map.get(id);
  if (value === undefined) throw Object.assign(new Error('unknown handle'), { name: 'PdeError', code: 'invalid_input' });
  return value;
}

function theWallet(): Wallet {
  if (!wallet) throw Object.assign(new Error('no wallet open'), { name: 'PdeError', code: 'locked' });
  return wallet;
}

function setWallet(w: Wallet): string {
  if (wallet) {
    wallet.lock();
    wallet.free();
  }
  wallet = w;
  return w.recipient();
}

/** The slot key of a PRF output; the output's bytes are overwritten here, used or not. */
function withPasskeyKey(prfOutput: Uint8Array): PasskeyKey {
  try {
    return derivePasskeyKey(prfOutput);
  } finally {
    prfOutput.fill(0);
  }
}

type Handlers = { [K in Op]: (req: RequestOf<K>) => ReplyOf<K> };

const handlers: Handlers = {
  randomSalt: () => ({ salt: randomSalt() }),
  generateRecoveryCode: () => ({ code: generateRecoveryCode() }),
  encryptedLength: ({ plainLength }) => ({ length: encryptedLength(plainLength) }),
  reserveKdfMemory: ({ kdf }) => {
    reserveKdfMemory(kdf.m_kib, kdf.t, kdf.p);
    return {};
  },
  derivePassphraseKeys: ({ passphrase, salt, kdf }) => {
    const start = performance.now();
    const keys = derivePassphraseKeys(passphrase, salt, kdf.m_kib, kdf.t, kdf.p);
    // How long Argon2id alone took, for the benchmarks (a duration, nothing secret).
    performance.measure('pde-argon2id', { start, end: performance.now() });
    return { authKey: keys.authKey(), keys: store(slotKeys, keys) };
  },
  deriveRecoveryKeys: ({ code }) => {
    const keys = deriveRecoveryKeys(code);
    return { authKey: keys.authKey(), keys: store(slotKeys, keys) };
  },
  freeKeys: ({ keys }) => {
    slotKeys.get(keys)?.free();
    slotKeys.delete(keys);
    return {};
  },
  createWallet: () => ({ recipient: setWallet(Wallet.create()) }),
  openWallet: ({ slot, keys }) => ({ recipient: setWallet(Wallet.open(slot, need(slotKeys, keys))) }),
  sealSlot: ({ keys }) => ({ slot: theWallet().sealSlot(need(slotKeys, keys)) }),
  openWithPasskey: ({ slot, prfOutput }) => {
    const key = withPasskeyKey(prfOutput);
    try {
      return { recipient: setWallet(Wallet.openWithPasskey(slot, key)) };
    } finally {
      key.free();
    }
  },
  sealPasskeySlot: ({ prfOutput }) => {
    const key = withPasskeyKey(prfOutput);
    try {
      return { slot: theWallet().sealPasskeySlot(key) };
    } finally {
      key.free();
    }
  },
  walletRecipient: () => ({ recipient: theWallet().recipient() }),
  openLink: ({ fragment }) => {
    const secret = LinkSecret.parse(fragment);
    try {
      const accessKey = secret.accessKey();
      setWallet(secret.openWallet());
      return { accessKey };
    } finally {
      secret.free();
    }
  },
  openDocuments: ({ items }) => {
    const w = theWallet();
    return {
      opened: items.map(({ envelope, metadata }) => {
        let doc: number | null = null;
        try {
          doc = w.openDocument(envelope);
          return { doc, metadataJson: w.decryptMetadata(doc, metadata) };
        } catch (e) {
          const code = pdeErrorCode(e) ?? 'internal';
          if (code === 'locked') throw e;
          if (doc !== null) w.forgetDocument(doc);
          return { error: code };
        }
      }),
    };
  },
  forgetDocuments: ({ docs }) => {
    const w = theWallet();
    for (const doc of docs) {
      try {
        w.forgetDocument(doc);
      } catch {
        /* already forgotten */
      }
    }
    return {};
  },
  encryptMetadata: ({ doc, metadataJson }) => ({ ciphertext: theWallet().encryptMetadata(doc, metadataJson) }),
  newDocument: ({ metadataJson }) => {
    const writer = theWallet().newDocument(metadataJson);
    return {
      doc: writer.documentHandle(),
      metadata: writer.metadata(),
      envelope: writer.envelope(),
      encryptedLength: writer.encryptedLength(),
      stream: store(streams, writer),
    };
  },
  contentReader: ({ doc, plainLength }) => ({ stream: store(streams, theWallet().contentReader(doc, plainLength)) }),
  contentExporter: ({ doc, plainLength }) => ({ stream: store(streams, theWallet().contentExporter(doc, plainLength)) }),
  exportIdentity: ({ passphrase }) => {
    const start = performance.now();
    const file = theWallet().exportIdentity(passphrase);
    // How long scrypt took, for the measurements in docs/formats.md (a duration, nothing secret).
    performance.measure('pde-export-scrypt', { start, end: performance.now() });
    return { file };
  },
  exportMetadata: ({ doc, metadataJson }) => ({ file: theWallet().exportMetadata(doc, metadataJson) }),
  push: ({ stream, chunk }) => ({ out: need(streams, stream).push(chunk) }),
  finish: ({ stream }) => ({ out: need(streams, stream).finish() }),
  closeStream: ({ stream }) => {
    streams.get(stream)?.free();
    streams.delete(stream);
    return {};
  },
  shareEnvelopes: ({ docs, recipient }) => {
    const w = theWallet();
    return { envelopes: docs.map((doc) => w.shareEnvelope(doc, recipient)) };
  },
  newLink: () => {
    const secret = LinkSecret.generate();
    return { recipient: secret.recipient(), accessKey: secret.accessKey(), fragment: secret.fragment(), link: store(links, secret) };
  },
  freeLink: ({ link }) => {
    links.get(link)?.free();
    links.delete(link);
    return {};
  },
  encryptNote: ({ recipient, noteJson }) => ({ ciphertext: encryptNote(recipient, noteJson) }),
  decryptNote: ({ ciphertext }) => ({ noteJson: theWallet().decryptNote(ciphertext) }),
  helperSetup: ({ threshold, helpers }) => {
    const w = theWallet();
    const setup = HelperSetup.generate(threshold, helpers);
    const keys = setup.keys();
    try {
      return { serverPart: setup.serverPart(), authKey: keys.authKey(), slot: w.sealSlot(keys), setup: store(helperSetups, setup) };
    } catch (e) {
      setup.free();
      throw e;
    } finally {
      keys.free();
    }
  },
  helperShareFor: ({ setup, index, recipient }) => ({ share: need(helperSetups, setup).sealShareTo(index, recipient) }),
  helperCard: ({ setup, index }) => {
    const s = need(helperSetups, setup);
    return { text: s.cardText(index), authKey: s.cardAuthKey(index) };
  },
  freeHelperSetup: ({ setup }) => {
    helperSetups.get(setup)?.free();
    helperSetups.delete(setup);
    return {};
  },
  resealHelperShare: ({ share, recipient }) => ({ share: theWallet().resealHelperShare(share, recipient) }),
  helpRequestCode: ({ recipient }) => ({ code: helpRequestCode(recipient) }),
  helpStart: () => {
    help?.free();
    help = HelpRecovery.create();
    return { recipient: help.recipient(), code: help.code() };
  },
  helpAddCard: ({ text }) => {
    try {
      return { authKey: theHelpRequest().addCard(text) };
    } catch (e) {
      if (pdeErrorCode(e) !== 'invalid_input') throw e;
      // The crypto module says which in its message (crypto/src/slot/helper.rs, CardChecksum).
      return { invalid: /mistyped/.test((e as Error).message) ? 'mistyped' : 'invalid' };
    }
  },
  helpOpen: ({ serverPart, shares, slot }) => {
    const request = theHelpRequest();
    request.addRelease(serverPart, shares);
    const opened = request.open(slot);
    const keys = opened.takeKeys();
    try {
      const recipient = setWallet(opened.takeWallet());
      help = null;
      request.free();
      return { recipient, authKey: keys.authKey() };
    } finally {
      keys.free();
      opened.free();
    }
  },
  sealRecord: ({ recordJson }) => ({ ciphertext: theWallet().sealRecord(recordJson) }),
  openRecord: ({ ciphertext }) => ({ recordJson: theWallet().openRecord(ciphertext) }),
};

function post(msg: FromWorker): void {
  self.postMessage(msg, msg.kind === 'reply' && msg.ok ? transferables(msg.res) : []);
}

self.onmessage = async (event: MessageEvent<ToWorker>) => {
  const msg = event.data;
  if (msg.kind === 'init') {
    // Held until this worker ends, however it ends: the page learns of a crash when it is
    // granted the same lock (crypto-client.ts).
    if (navigator.locks) {
      await new Promise<void>((held) => {
        void navigator.locks.request(msg.lock, () => {
          held();
          return new Promise<never>(() => {});
        });
      });
    }
    try {
      await ready;
    } catch {
      /* every call will answer with the error */
    }
    post({ kind: 'ready' });
    return;
  }
  const { id, req } = msg;
  try {
    await ready;
    const handler = handlers[req.op] as (r: typeof req) => ReplyOf<Op>;
    post({ kind: 'reply', id, ok: true, res: handler(req) });
  } catch (e) {
    const code = pdeErrorCode(e) ?? 'internal';
    post({ kind: 'reply', id, ok: false, code, message: code });
  }
};
