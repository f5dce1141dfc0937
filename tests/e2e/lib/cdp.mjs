// The page's dedicated workers (the crypto worker) through CDP, for tests that look into them.

/**
 * The page's dedicated workers, each with a CDP `send` and `on`, through the page's own
 * session (`Target.setAutoAttach`, messages wrapped in `Target.sendMessageToTarget`).
 * `list()` gives those attached and not yet gone.
 */
export async function attachWorkers(cdp) {
  const workers = new Map();
  cdp.on('Target.attachedToTarget', ({ sessionId, targetInfo }) => {
    if (targetInfo.type !== 'worker') return;
    let next = 0;
    const pending = new Map();
    const listeners = new Map();
    const send = (method, params = {}) =>
      new Promise((resolve, reject) => {
        const id = ++next;
        pending.set(id, { resolve, reject });
        cdp.send('Target.sendMessageToTarget', { sessionId, message: JSON.stringify({ id, method, params }) }).catch(reject);
      });
    const on = (method, f) => {
      if (!listeners.has(method)) listeners.set(method, new Set());
      listeners.get(method).add(f);
      return () => listeners.get(method).delete(f);
    };
    const worker = { url: targetInfo.url, targetId: targetInfo.targetId, send, on, pending, listeners };
    workers.set(sessionId, worker);
  });
  cdp.on('Target.receivedMessageFromTarget', (e) => {
    const w = workers.get(e.sessionId);
    if (!w) return;
    const m = JSON.parse(e.message);
    if (m.id !== undefined && w.pending.has(m.id)) {
      const { resolve, reject } = w.pending.get(m.id);
      w.pending.delete(m.id);
      if (m.error) reject(new Error(m.error.message));
      else resolve(m.result);
    } else if (m.method) {
      for (const f of w.listeners.get(m.method) ?? []) f(m.params);
    }
  });
  cdp.on('Target.detachedFromTarget', (e) => workers.delete(e.sessionId));
  await cdp.send('Target.setAutoAttach', { autoAttach: true, waitForDebuggerOnStart: false, flatten: false });
  return {
    list: () => [...workers.values()],
    /** The attached workers, once there are `want` of them (or after 10 s). */
    async wait(want = 1) {
      for (let i = 0; i < 100 && workers.size < want; i++) await new Promise((r) => setTimeout(r, 100));
      return [...workers.values()];
    },
  };
}
