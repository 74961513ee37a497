// OPS-3: SIGTERM drains — stop accepting, finish in-flight requests, flush logs,
// exit 0 within 10 s.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import net from 'node:net';
import { startChatd, RawConn, httpRequest, get, sleep } from './lib/chatd.mjs';

/** Resolves with the error code of a connection attempt, or 'CONNECTED'. */
function tryConnect(port, ms = 2000) {
  return new Promise((resolve) => {
    const s = net.connect({ port, host: '127.0.0.1' });
    const timer = setTimeout(() => { s.destroy(); resolve('TIMEOUT'); }, ms);
    s.once('connect', () => { clearTimeout(timer); s.destroy(); resolve('CONNECTED'); });
    s.once('error', (err) => { clearTimeout(timer); resolve(err.code); });
  });
}

test('OPS-3: SIGTERM finishes an in-flight request (Connection: close), refuses new connections, exits 0', { timeout: 20_000 }, async (t) => {
  const srv = await startChatd({ t });
  const body = '{"query":"{ a b c}"}';
  assert.equal(Buffer.byteLength(body), 20);

  const c = await RawConn.connect(srv.port);
  try {
    await c.write(
      'POST /graphql HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n'
      + 'x-correlation-id: inflight-1\r\nContent-Length: 20\r\n\r\n' + body.slice(0, 10),
    );
    await sleep(200); // the server has the headers and half the body
    const t0 = Date.now();
    srv.proc.kill('SIGTERM');
    await sleep(300);

    assert.equal(srv.proc.exitCode, null, 'still running while a request is in flight');
    assert.equal(c.peerClosed, false, 'the in-flight connection was not dropped');
    assert.equal(await tryConnect(srv.port), 'ECONNREFUSED', 'new connections are refused while draining');

    await c.write(body.slice(10));
    const res = await c.readResponse(5000, { requestMethod: 'POST' });
    assert.equal(res.status, 200, 'the in-flight request got its full answer');
    assert.equal((res.headers.connection ?? '').toLowerCase(), 'close', 'response says Connection: close');
    assert.equal(res.headers['x-correlation-id'], 'inflight-1');
    assert.ok(res.json().data !== undefined || res.json().errors !== undefined, 'a GraphQL response');
    assert.equal(await c.waitPeerClose(3000), true, 'server closes the connection after the response');

    const info = await Promise.race([srv.exited, sleep(10_000).then(() => null)]);
    assert.ok(info, 'exited within 10 s of SIGTERM');
    assert.equal(info.code, 0, `exit code 0 (signal ${info.signal}); stderr: ${srv.stderr}`);
    assert.ok(info.at - t0 < 10_000);
  } finally {
    c.destroy();
  }
  // logs were flushed: the in-flight request's access line is there and complete
  const line = srv.accessLogs().find((l) => l.correlationId === 'inflight-1');
  assert.ok(line, 'access line of the drained request was written before exit');
  assert.equal(line.status, 200);
  assert.deepEqual(srv.badJson, [], 'every line is complete JSON');
  assert.equal(srv.unterminated, null, 'last log line is newline-terminated');
});

test('OPS-3: SIGTERM with only idle keep-alive connections exits 0 in under 2 s', { timeout: 15_000 }, async (t) => {
  const srv = await startChatd({ t });
  const conns = [];
  for (let i = 0; i < 3; i++) {
    const c = await RawConn.connect(srv.port);
    await c.write(httpRequest('GET', '/healthz'));
    assert.equal((await c.readResponse()).status, 200);
    conns.push(c);
  }
  // plus a connection that never sent anything
  conns.push(await RawConn.connect(srv.port));
  // and fetch's own pooled keep-alive connection
  const res = await get(`${srv.url}/healthz`);
  await res.arrayBuffer();
  assert.equal(res.status, 200);

  try {
    const t0 = Date.now();
    srv.proc.kill('SIGTERM');
    const info = await Promise.race([srv.exited, sleep(2000).then(() => null)]);
    assert.ok(info, `exited within 2 s (still running after ${Date.now() - t0} ms)`);
    assert.equal(info.code, 0, `exit code 0; stderr: ${srv.stderr}`);
    assert.ok(info.at - t0 < 2000, `exit took ${info.at - t0} ms`);
    for (const [i, c] of conns.entries()) {
      assert.equal(await c.waitPeerClose(1000), true, `idle connection ${i} closed by the server`);
    }
  } finally {
    for (const c of conns) c.destroy();
  }
  assert.deepEqual(srv.badJson, []);
  assert.equal(srv.unterminated, null, 'last log line is newline-terminated');
});

test('OPS-3: SIGTERM sent right after the "listening" line is drained: exit 0 promptly, port closed', { timeout: 20_000 }, async (t) => {
  // A supervisor may stop a server as soon as it reports readiness; the SIGTERM
  // handler must already be installed then (otherwise the default disposition kills
  // the process: no drain, no log flush, exit by signal). Repeated to catch the race.
  for (let i = 0; i < 5; i++) {
    const srv = await startChatd({ t });
    const t0 = Date.now();
    const code = await srv.stop('SIGTERM', 2000);
    assert.equal(srv.exitInfo.signal, null, `run ${i + 1}: chatd must exit by itself, not be killed by ${srv.exitInfo.signal}`);
    assert.equal(code, 0, `run ${i + 1}: exit code; stderr: ${srv.stderr}`);
    assert.ok(Date.now() - t0 < 2000);
    assert.equal(await tryConnect(srv.port), 'ECONNREFUSED');
    await srv.cleanup();
  }
});

/** Start a request whose body never completes, SIGTERM, and time the exit. */
async function stuckRequestShutdown(t, env, budgetMs) {
  const srv = await startChatd({ t, env });
  const c = await RawConn.connect(srv.port);
  try {
    // headers promise 20 bytes of body; only 3 ever arrive
    await c.write('POST /graphql HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: 20\r\n\r\n{"q');
    await sleep(200);
    const t0 = Date.now();
    srv.proc.kill('SIGTERM');
    const info = await Promise.race([srv.exited, sleep(budgetMs + 3000).then(() => null)]);
    assert.ok(info, `exited despite the stuck request (still running ${Date.now() - t0} ms after SIGTERM)`);
    const took = info.at - t0;
    assert.ok(took >= 300, `gave the in-flight request some time before closing it (took ${took} ms)`);
    assert.ok(took <= budgetMs, `exited within ${budgetMs} ms of SIGTERM (took ${took} ms)`);
    assert.equal(info.code, 0, `exit code after a forced drain; stderr: ${srv.stderr}`);
    assert.equal(await c.waitPeerClose(1000), true, 'the stuck connection was closed');
    assert.deepEqual(srv.badJson, []);
    assert.equal(srv.unterminated, null, 'last log line is newline-terminated');
    return took;
  } finally {
    c.destroy();
  }
}

test('OPS-3: a request that never completes does not hold shutdown past SHUTDOWN_TIMEOUT=2s', { timeout: 20_000 }, async (t) => {
  await stuckRequestShutdown(t, { SHUTDOWN_TIMEOUT: '2s' }, 2000);
});

test('OPS-3: with the default SHUTDOWN_TIMEOUT a stuck request still lets chatd exit 0 within 10 s', { timeout: 20_000 }, async (t) => {
  const took = await stuckRequestShutdown(t, {}, 10_000);
  t.diagnostic(`exited ${took} ms after SIGTERM`);
});
