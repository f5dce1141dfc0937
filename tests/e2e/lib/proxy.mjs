import http from 'node:http';

/**
 * A recording HTTP proxy between the browser and the server: every request's method, URL,
 * headers and full body bytes are kept in `records`, then the request is forwarded as is; the
 * answer's status is added to the record when it arrives.
 */
export async function startProxy(targetUrl = null) {
  // Set later with setTarget() when the server must know the proxy's address first (passkeys).
  let target = targetUrl ? new URL(targetUrl) : null;
  const records = [];
  const server = http.createServer((req, res) => {
    const chunks = [];
    req.on('data', (c) => chunks.push(c));
    req.on('end', () => {
      const body = Buffer.concat(chunks);
      const record = { method: req.method, url: req.url, headers: { ...req.headers }, rawHeaders: [...req.rawHeaders], body, status: null };
      records.push(record);
      if (!target) {
        res.writeHead(502);
        res.end();
        return;
      }
      const upstream = http.request(
        { host: target.hostname, port: target.port, method: req.method, path: req.url, headers: req.headers },
        (up) => {
          record.status = up.statusCode ?? null;
          res.writeHead(up.statusCode ?? 502, up.rawHeaders);
          up.pipe(res);
        },
      );
      upstream.on('error', () => {
        if (!res.headersSent) res.writeHead(502);
        res.end();
      });
      upstream.end(body);
    });
  });
  await new Promise((r) => server.listen(0, '127.0.0.1', r));
  const { port } = server.address();
  return {
    url: `http://127.0.0.1:${port}`,
    /** The same proxy by a domain name (a secure context where WebAuthn works). */
    localhostUrl: `http://localhost:${port}`,
    setTarget(url) {
      target = new URL(url);
    },
    records,
    async stop() {
      server.closeAllConnections?.();
      await new Promise((r) => server.close(r));
    },
  };
}
