// HTTP-6 limits: body size (413), header size (431), malformed requests (400),
// slow clients (header timeout), idle keep-alive timeout, many idle connections.
// REL-1: none of these crash or wedge the server.

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import net from 'node:net';
import {
  startChatd, get, RawConn, httpRequest, rawExchange, scrape, metricValue, sleep,
} from './lib/chatd.mjs';

const MB = 1024 * 1024;
let srv; // shared server with default limits

before(async () => {
  srv = await startChatd();
});
after(async () => {
  await srv?.cleanup();
});

async function assertHealthy(server = srv) {
  const res = await get(`${server.url}/healthz`, {}, 3000);
  assert.equal(res.status, 200, 'server still answers /healthz');
  await res.arrayBuffer();
  assert.equal(server.proc.exitCode, null, 'server process still running');
}

/** A syntactically valid GraphQL-over-HTTP JSON body of exactly `size` bytes. */
function jsonBody(size) {
  const prefix = '{"query":"{ __typename }","variables":{"pad":"';
  const suffix = '"}}';
  const n = size - prefix.length - suffix.length;
  assert.ok(n >= 0);
  const b = Buffer.from(prefix + 'x'.repeat(n) + suffix);
  assert.equal(b.length, size);
  return b;
}

/**
 * Stream `body` after `head`, stopping as soon as the server starts answering or
 * closes. Never blocks on a full socket buffer: waits for 'drain' or an answer.
 * Returns { conn, fullySent }.
 */
async function streamUntilAnswer(port, head, body, { chunked = false, piece = 64 * 1024 } = {}) {
  const conn = await RawConn.connect(port);
  const sock = conn.socket;
  const answered = () => conn.buf.length > 0 || conn.peerClosed || sock.destroyed;
  const send = async (data) => {
    if (answered()) return false;
    if (sock.write(data)) return true;
    // wait for drain, an answer, or 5 s
    await new Promise((resolve) => {
      const timer = setTimeout(done, 5000);
      function done() {
        clearTimeout(timer);
        sock.off('drain', done);
        conn.events.off('change', done);
        resolve();
      }
      sock.once('drain', done);
      conn.events.on('change', done);
    });
    return !answered();
  };
  await send(Buffer.from(head, 'latin1'));
  await sleep(20); // a server may answer from the headers alone
  let fullySent = true;
  for (let off = 0; off < body.length; off += piece) {
    const part = body.subarray(off, off + piece);
    const data = chunked
      ? Buffer.concat([Buffer.from(`${part.length.toString(16)}\r\n`), part, Buffer.from('\r\n')])
      : part;
    if (!(await send(data))) { fullySent = false; break; }
  }
  if (fullySent && chunked) fullySent = await send(Buffer.from('0\r\n\r\n'));
  return { conn, fullySent };
}

function postHead({ contentLength, chunked }) {
  return [
    'POST /graphql HTTP/1.1',
    'Host: 127.0.0.1',
    'Content-Type: application/json',
    chunked ? 'Transfer-Encoding: chunked' : `Content-Length: ${contentLength}`,
    '', '',
  ].join('\r\n');
}

/** After a 413, the connection is either closed (Connection: close) or still usable. */
async function assertConnectionSaneAfter(conn, res, fullySent) {
  if ((res.headers.connection ?? '').toLowerCase() === 'close') {
    assert.equal(await conn.waitPeerClose(3000), true, 'server closes after announcing Connection: close');
  } else if (fullySent) {
    await conn.write(httpRequest('GET', '/healthz'));
    const r2 = await conn.readResponse(3000);
    assert.equal(r2.status, 200, 'connection kept alive after 413 still frames requests correctly');
  }
}

function assert413(res) {
  assert.equal(res.status, 413);
  assert.match(res.headers['content-type'] ?? '', /^application\/json\b/);
  const body = res.json();
  assert.equal(body.errors?.[0]?.extensions?.code, 'PAYLOAD_TOO_LARGE', JSON.stringify(body));
  assert.equal(typeof body.errors[0].message, 'string');
}

test('HTTP-6: a 2 MB JSON body with Content-Length gets 413 PAYLOAD_TOO_LARGE', { timeout: 20_000 }, async () => {
  const { conn, fullySent } = await streamUntilAnswer(srv.port, postHead({ contentLength: 2 * MB }), jsonBody(2 * MB));
  try {
    const res = await conn.readResponse(10_000, { requestMethod: 'POST' });
    assert413(res);
    await assertConnectionSaneAfter(conn, res, fullySent);
  } finally {
    conn.destroy();
  }
  await assertHealthy();
});

test('HTTP-6: a 2 MB chunked JSON body gets 413 PAYLOAD_TOO_LARGE', { timeout: 20_000 }, async () => {
  const { conn, fullySent } = await streamUntilAnswer(srv.port, postHead({ chunked: true }), jsonBody(2 * MB), { chunked: true });
  try {
    const res = await conn.readResponse(10_000, { requestMethod: 'POST' });
    assert413(res);
    await assertConnectionSaneAfter(conn, res, fullySent);
  } finally {
    conn.destroy();
  }
  await assertHealthy();
});

test('HTTP-6: the body limit is exactly 1 MB (1048576 bytes accepted, 1048577 refused)', { timeout: 20_000 }, async () => {
  // exactly at the limit: not 413
  {
    const { conn, fullySent } = await streamUntilAnswer(srv.port, postHead({ contentLength: MB }), jsonBody(MB));
    try {
      assert.equal(fullySent, true, 'server read the whole 1 MB body');
      const res = await conn.readResponse(10_000, { requestMethod: 'POST' });
      assert.notEqual(res.status, 413, '1048576 bytes is within the limit');
      assert.ok(res.status < 500, `no server error, got ${res.status}`);
    } finally {
      conn.destroy();
    }
  }
  // one byte over, by Content-Length
  {
    const { conn } = await streamUntilAnswer(srv.port, postHead({ contentLength: MB + 1 }), jsonBody(MB + 1));
    try {
      assert413(await conn.readResponse(10_000, { requestMethod: 'POST' }));
    } finally {
      conn.destroy();
    }
  }
  // one byte over, chunked (the total counts, not the chunk size)
  {
    const { conn } = await streamUntilAnswer(srv.port, postHead({ chunked: true }), jsonBody(MB + 1), { chunked: true, piece: 100_000 });
    try {
      assert413(await conn.readResponse(10_000, { requestMethod: 'POST' }));
    } finally {
      conn.destroy();
    }
  }
  await assertHealthy();
});

test('HTTP-6: a request header block over 16 KB gets 431', { timeout: 15_000 }, async () => {
  // one huge header
  {
    const { response } = await rawExchange(srv.port, httpRequest('GET', '/healthz', { 'X-Big': 'a'.repeat(20_000) }));
    assert.equal(response.status, 431, 'one 20 KB header');
  }
  // many small headers adding up to ~20 KB
  {
    const headers = {};
    for (let i = 0; i < 400; i++) headers[`X-H${i}`] = 'b'.repeat(45);
    const { response } = await rawExchange(srv.port, httpRequest('GET', '/healthz', headers));
    assert.equal(response.status, 431, '400 headers totalling ~20 KB');
  }
  // a 20 KB request-target: 431 or 414
  {
    const { response } = await rawExchange(srv.port, httpRequest('GET', `/${'u'.repeat(20_000)}`));
    assert.ok([414, 431].includes(response.status), `20 KB URL answered 414/431, got ${response.status}`);
  }
  // a 17 KB header block sent in small pieces (the limit is not per read)
  {
    const req = httpRequest('GET', '/healthz', { 'X-Big': 'c'.repeat(17 * 1024) });
    const pieces = [];
    for (let i = 0; i < req.length; i += 1000) pieces.push(req.subarray(i, i + 1000));
    const { response } = await rawExchange(srv.port, pieces);
    assert.equal(response.status, 431, '17 KB header block in 1 KB pieces');
  }
  // under the limit: ~12 KB of headers is fine
  {
    const { response } = await rawExchange(srv.port, httpRequest('GET', '/healthz', { 'X-Ok': 'd'.repeat(12_000) }));
    assert.equal(response.status, 200, '12 KB header block is accepted');
  }
  await assertHealthy();
});

test('HTTP-6 / REL-1: a malformed request line gets 400 and the connection is closed', { timeout: 15_000 }, async () => {
  const cases = [
    'GARBAGE\r\n\r\n',
    'GET / FOO/1.1\r\nHost: x\r\n\r\n',
    'GET\r\nHost: x\r\n\r\n',
    'GET /a b c HTTP/1.1\r\nHost: x\r\n\r\n',
    '\x00\x01\x02 / HTTP/1.1\r\n\r\n',
  ];
  for (const raw of cases) {
    const c = await RawConn.connect(srv.port);
    try {
      await c.write(Buffer.from(raw, 'latin1'));
      const r = await c.readResponse(3000);
      assert.equal(r.status, 400, `${JSON.stringify(raw)} answered 400`);
      assert.equal(await c.waitPeerClose(3000), true, `${JSON.stringify(raw)}: server closes the connection`);
    } finally {
      c.destroy();
    }
  }
  // a malformed header line (no colon) is also a 400
  {
    const { response } = await rawExchange(srv.port, Buffer.from('GET /healthz HTTP/1.1\r\nHost: x\r\nNoColonHere\r\n\r\n'));
    assert.equal(response.status, 400, 'header line without a colon');
  }
  // a TLS ClientHello sent to the plain port: any 4xx or a close, never a hang or crash
  {
    const c = await RawConn.connect(srv.port);
    try {
      await c.write(Buffer.from('16030100c4010000c00303' + '00'.repeat(64), 'hex'));
      let answered = false;
      try {
        const r = await c.readResponse(3000);
        answered = true;
        assert.ok(r.status >= 400 && r.status < 500, `TLS hello answered with ${r.status}`);
      } catch {
        assert.ok(c.peerClosed, 'TLS hello: server neither answered nor closed within 3 s');
      }
      if (answered) assert.equal(await c.waitPeerClose(3000), true, 'closed after the error');
    } finally {
      c.destroy();
    }
  }
  await assertHealthy();
});

test('HTTP-6 / REL-1: conflicting or invalid body framing is rejected with 400', { timeout: 15_000 }, async () => {
  // Content-Length and Transfer-Encoding together (request smuggling vector):
  // RFC 9112 6.3 allows rejecting it (400) or using chunked and then closing.
  {
    const c = await RawConn.connect(srv.port);
    try {
      await c.write('POST /graphql HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: 5\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n\r\nGET /smuggled HTTP/1.1\r\nHost: x\r\n\r\n');
      const r = await c.readResponse(3000, { requestMethod: 'POST' });
      if (r.status !== 400) {
        assert.equal(await c.waitPeerClose(3000), true, `CL+TE answered ${r.status}: the connection must then be closed`);
        assert.equal(c.buf.length, 0, 'no second (smuggled) response');
      }
    } finally {
      c.destroy();
    }
  }
  const cases = [
    // two different Content-Length values
    'POST /graphql HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: 2\r\nContent-Length: 4\r\n\r\n{}{}',
    // non-numeric Content-Length
    'POST /graphql HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: abc\r\n\r\n',
    // bad chunk size
    'POST /graphql HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\n{}\r\n0\r\n\r\n',
  ];
  for (const raw of cases) {
    const { response } = await rawExchange(srv.port, Buffer.from(raw), { requestMethod: 'POST' });
    assert.equal(response.status, 400, `${JSON.stringify(raw.split('\r\n').slice(3, 5))} answered 400`);
  }
  await assertHealthy();
});

test('HTTP-6: an incomplete header dribbled one byte per second is dropped after HTTP_HEADER_TIMEOUT=1s', { timeout: 20_000 }, async (t) => {
  const slow = await startChatd({ t, env: { HTTP_HEADER_TIMEOUT: '1s' } });

  // control: a complete header sent in pieces within the budget is served
  {
    const c = await RawConn.connect(slow.port);
    try {
      const req = httpRequest('GET', '/healthz');
      const third = Math.ceil(req.length / 3);
      for (let i = 0; i < 3; i++) {
        await c.write(req.subarray(i * third, (i + 1) * third));
        if (i < 2) await sleep(200);
      }
      assert.equal((await c.readResponse(3000)).status, 200, 'header completed in 0.4 s is served');
    } finally {
      c.destroy();
    }
  }

  const c = await RawConn.connect(slow.port);
  const text = Buffer.from('GET /healthz HTTP/1.1\r\nHost: x\r\nX-Slow: ' + 'a'.repeat(100));
  const t0 = Date.now();
  let sent = 0;
  let writeFailed = false;
  const dribble = async () => {
    while (sent < text.length && !c.peerClosed) {
      const ok = await c.write(text.subarray(sent, sent + 1));
      if (!ok) { writeFailed = true; return; }
      sent++;
      await sleep(1000);
    }
  };
  const dribbling = dribble();
  try {
    const closed = await c.waitPeerClose(4000);
    const elapsed = (c.closedAt ?? Date.now()) - t0;
    assert.equal(closed, true, `server closed the slow connection (after ${elapsed} ms, ${sent} bytes sent)`);
    assert.ok(elapsed >= 800, `not before the timeout: closed after ${elapsed} ms`);
    assert.ok(elapsed <= 3000, `within ~3 s of the first byte: closed after ${elapsed} ms`);
    assert.ok(sent >= 1 && sent < text.length, 'the client was still dribbling when dropped');
    if (c.buf.length) {
      // an optional 408 is fine; anything else is not
      assert.match(c.buf.toString('latin1'), /^HTTP\/1\.1 408 /, 'only a 408 may be sent');
    }
  } finally {
    c.destroy();
    await dribbling;
  }
  assert.ok(!writeFailed || c.peerClosed, 'write failures only after the close');
  await assertHealthy(slow);
});

test('HTTP-6: an idle keep-alive connection is closed after HTTP_IDLE_TIMEOUT=1s', { timeout: 15_000 }, async (t) => {
  const idle = await startChatd({ t, env: { HTTP_IDLE_TIMEOUT: '1s' } });
  const c = await RawConn.connect(idle.port);
  try {
    await c.write(httpRequest('GET', '/healthz'));
    const r = await c.readResponse(3000);
    assert.equal(r.status, 200);
    const t0 = Date.now();
    const closed = await c.waitPeerClose(4000);
    const elapsed = (c.closedAt ?? Date.now()) - t0;
    assert.equal(closed, true, 'server closed the idle connection');
    assert.ok(elapsed >= 700, `kept alive at least ~1 s, closed after ${elapsed} ms`);
    assert.ok(elapsed <= 3000, `closed within ~3 s, closed after ${elapsed} ms`);
  } finally {
    c.destroy();
  }
  // and the default (60 s) keeps a connection for longer than 2 s
  const c2 = await RawConn.connect(srv.port);
  try {
    await c2.write(httpRequest('GET', '/healthz'));
    assert.equal((await c2.readResponse(3000)).status, 200);
    await sleep(2000);
    assert.equal(c2.peerClosed, false, 'default idle timeout is not ~1 s');
    await c2.write(httpRequest('GET', '/healthz'));
    assert.equal((await c2.readResponse(3000)).status, 200, 'reused after 2 s idle');
  } finally {
    c2.destroy();
  }
});

test('HTTP-6: 10 000 idle TCP connections do not stop a new client getting /healthz promptly', { timeout: 60_000 }, async (t) => {
  const many = await startChatd({ t });
  const N = 10_000;
  const BATCH = 500;
  const sockets = [];
  let serverClosed = 0;
  let errors = 0;
  const t0 = Date.now();
  try {
    for (let i = 0; i < N; i += BATCH) {
      const batch = [];
      for (let j = 0; j < BATCH && i + j < N; j++) {
        batch.push(new Promise((resolve) => {
          const s = net.connect({ port: many.port, host: '127.0.0.1' });
          sockets.push(s);
          s.on('error', () => { errors++; resolve(false); });
          s.on('end', () => { serverClosed++; });
          const timer = setTimeout(() => resolve(false), 15_000);
          s.once('connect', () => { clearTimeout(timer); resolve(true); });
        }));
      }
      const ok = await Promise.all(batch);
      assert.ok(ok.every(Boolean), `batch ${i / BATCH}: all connections established (errors so far ${errors})`);
    }
    t.diagnostic(`opened ${N} connections in ${Date.now() - t0} ms`);
    await sleep(200); // let the server accept them

    for (let k = 0; k < 3; k++) {
      const start = Date.now();
      const res = await get(`${many.url}/healthz`, {}, 2000);
      assert.equal(res.status, 200);
      assert.deepEqual(await res.json(), { status: 'ok' });
      const ms = Date.now() - start;
      assert.ok(ms < 1500, `/healthz answered in ${ms} ms with ${N} idle connections open`);
    }
    // a brand-new raw connection as well
    const { response } = await rawExchange(many.port, httpRequest('GET', '/healthz', { Connection: 'close' }), { timeout: 2000 });
    assert.equal(response.status, 200);
    t.diagnostic(`server closed ${serverClosed} and reset ${errors} of the idle connections meanwhile`);
  } finally {
    for (const s of sockets) s.destroy();
  }

  // after they are gone, the open-connections gauge comes back down (no leak)
  let open;
  const deadline = Date.now() + 5000;
  do {
    await sleep(200);
    const { parsed } = await scrape(many.url);
    open = metricValue(parsed, 'chat_http_open_connections');
  } while (open > 50 && Date.now() < deadline);
  assert.ok(open <= 50, `open connections back to a handful, got ${open}`);
  await assertHealthy(many);
});
