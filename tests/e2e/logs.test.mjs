// Logging: OBS-1 (structured JSON lines, pretty format), OBS-2 (correlation id in
// the access line), OBS-3 (log values are sanitised: no injected lines).

import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  startChatd, get, RawConn, rawExchange, httpRequest, ISO_MS_UTC, UUID_V4, sleep,
} from './lib/chatd.mjs';

const T = { timeout: 20_000 };
const LEVELS = new Set(['trace', 'debug', 'info', 'warn', 'warning', 'error', 'fatal', 'critical']);

function assertLogShape(l, where) {
  assert.equal(typeof l.timestamp, 'string', `${where}: timestamp is a string`);
  assert.match(l.timestamp, ISO_MS_UTC, `${where}: timestamp is ISO-8601 UTC with ms`);
  assert.ok(Math.abs(Date.parse(l.timestamp) - Date.now()) < 5 * 60_000, `${where}: timestamp is current`);
  assert.ok(LEVELS.has(l.level), `${where}: level ${JSON.stringify(l.level)}`);
  assert.equal(l.service, 'chatd', `${where}: service`);
  assert.equal(typeof l.context, 'string', `${where}: context`);
  assert.ok(l.context.length > 0, `${where}: context not empty`);
  assert.equal(typeof l.message, 'string', `${where}: message`);
  assert.ok(l.message.length > 0, `${where}: message not empty`);
}

function assertAllLinesClean(srv) {
  assert.ok(srv.lines.length >= 2, 'some output');
  assert.deepEqual(srv.badUtf8, [], 'stdout is valid UTF-8');
  assert.deepEqual(srv.badJson, [], 'every stdout line is a JSON object');
  assert.equal(srv.unterminated, null, 'the last line is newline-terminated (logs flushed)');
  assert.equal(srv.logs.length, srv.lines.length);
  srv.logs.forEach((l, i) => assertLogShape(l, `line ${i + 1} ${JSON.stringify(l).slice(0, 120)}`));
}

test('OBS-1: every stdout line is a JSON object with timestamp, level, service, context, message', T, async (t) => {
  const srv = await startChatd({ t });
  for (const p of ['/healthz', '/readyz', '/metrics', '/', '/nope']) {
    await (await get(`${srv.url}${p}`)).arrayBuffer();
  }
  await (await get(`${srv.url}/graphql`, {
    method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"query":"{ a }"}',
  })).arrayBuffer();
  await srv.waitForLog((l) => l.message === 'request completed' && l.path === '/graphql');
  const code = await srv.stop('SIGTERM');
  assert.equal(code, 0);
  assertAllLinesClean(srv);
  const listening = srv.logs.filter((l) => l.context === 'http' && l.message === 'listening');
  assert.equal(listening.length, 1, 'exactly one listening line');
  assert.equal(listening[0].port, srv.port);
  assert.equal(srv.accessLogs().length, 6, 'one access line per request');
});

test('OBS-1 / OBS-2: the access line carries method, path, status, duration, bytes and the response correlation id', T, async (t) => {
  const srv = await startChatd({ t });

  // supplied id
  const res = await get(`${srv.url}/healthz`, { headers: { 'x-correlation-id': 'obs-given-1' } });
  const body = await res.arrayBuffer();
  assert.equal(res.headers.get('x-correlation-id'), 'obs-given-1');
  const line = await srv.waitForLog((l) => l.message === 'request completed' && l.correlationId === 'obs-given-1');
  assert.equal(line.context, 'http');
  assert.equal(line.method, 'GET');
  assert.equal(line.path, '/healthz');
  assert.equal(line.status, 200);
  assert.equal(typeof line.duration, 'number');
  assert.ok(line.duration >= 0 && line.duration < 5000, `duration in ms: ${line.duration}`);
  assert.equal(typeof line.bytes, 'number');
  assert.ok(line.bytes >= body.byteLength, `bytes (${line.bytes}) covers the ${body.byteLength}-byte body`);
  assert.ok(line.bytes < 100_000, `bytes is plausible: ${line.bytes}`);
  assertLogShape(line, 'access line');

  // generated id: header and log agree
  const res2 = await get(`${srv.url}/does-not-exist`);
  const body2 = await res2.arrayBuffer();
  const gen = res2.headers.get('x-correlation-id');
  assert.match(gen ?? '', UUID_V4);
  const line2 = await srv.waitForLog((l) => l.message === 'request completed' && l.correlationId === gen);
  assert.equal(line2.status, 404);
  assert.equal(line2.path, '/does-not-exist');
  assert.ok(line2.bytes >= body2.byteLength);

  // rejected id: log carries the generated replacement, not the bad value
  const bad = 'bad id with spaces';
  const res3 = await get(`${srv.url}/healthz`, { headers: { 'x-correlation-id': bad } });
  await res3.arrayBuffer();
  const repl = res3.headers.get('x-correlation-id');
  assert.match(repl ?? '', UUID_V4);
  await srv.waitForLog((l) => l.message === 'request completed' && l.correlationId === repl);

  // POST /graphql: method and status
  const res4 = await get(`${srv.url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-correlation-id': 'obs-post-1' },
    body: '{"query":"{ a }"}',
  });
  await res4.arrayBuffer();
  const line4 = await srv.waitForLog((l) => l.message === 'request completed' && l.correlationId === 'obs-post-1');
  assert.equal(line4.method, 'POST');
  assert.equal(line4.status, 200);
  assert.equal(line4.path, '/graphql');

  // exactly one access line per request
  await sleep(200);
  for (const id of ['obs-given-1', gen, repl, 'obs-post-1']) {
    const n = srv.accessLogs().filter((l) => l.correlationId === id).length;
    assert.equal(n, 1, `one access line for ${id}`);
  }
  assert.ok(!srv.lines.some((l) => l.includes(bad)), 'the rejected id value is not logged as an id');
});

test('OBS-3: the query string (which may carry tokens) is not logged; path is the bare path', T, async (t) => {
  const srv = await startChatd({ t });
  const res = await get(`${srv.url}/healthz?token=SECRET123`, { headers: { 'x-correlation-id': 'obs-qs-1' } });
  await res.arrayBuffer();
  const line = await srv.waitForLog((l) => l.message === 'request completed' && l.correlationId === 'obs-qs-1');
  assert.equal(line.path, '/healthz');
  assert.ok(!srv.lines.some((l) => l.includes('SECRET123')), 'the query value appears in no log line');
});

test('OBS-3: hostile request paths and headers never break the JSON log stream', T, async (t) => {
  const srv = await startChatd({ t });
  // [correlation id, request-target, acceptable statuses]
  const wellFormed = [
    // percent-encoded CR LF, quotes, braces and backslashes: a decoder must escape them
    ['inj-1', '/a%0d%0a%7B%22level%22%3A%22fatal%22%7D%22%5c', [404]],
    // percent-encoded ESC, NUL, DEL and invalid UTF-8 bytes (a server may refuse NUL)
    ['inj-2', '/b%1b%5b31mred%00nul%7f%ff%fe%c3%28', [400, 404]],
    // a long path still under the header limit
    ['inj-3', `/${'L'.repeat(8000)}`, [404]],
    // valid UTF-8 multibyte, percent-encoded U+2028 / U+2029 separators
    ['inj-4', '/c%E2%80%A8%E2%80%A9%F0%9F%98%80', [404]],
  ];
  for (const [id, target, statuses] of wellFormed) {
    const { response } = await rawExchange(
      srv.port,
      httpRequest('GET', target, { 'x-correlation-id': id, Connection: 'close' }),
    );
    assert.ok(statuses.includes(response.status), `${id} answered ${statuses.join('/')}, got ${response.status}`);
    const line = await srv.waitForLog((l) => l.message === 'request completed' && l.correlationId === id);
    assert.equal(line.status, response.status);
    assert.equal(typeof line.path, 'string');
    assert.ok(line.path.startsWith('/'), `${id}: logged path ${JSON.stringify(line.path.slice(0, 40))}`);
  }
  const l1 = srv.accessLogs().find((l) => l.correlationId === 'inj-1');
  assert.ok(/fatal/.test(l1.path), 'the hostile content stays inside the path field');

  // raw bytes that are not valid in a request-target / header value: any answer is
  // acceptable (400 expected), but the log must stay well-formed
  const hostileRaw = [
    Buffer.from('GET /raw\x1b[31m\x7f\xff\xfe"\\}{ HTTP/1.1\r\nHost: x\r\nx-correlation-id: raw-1\r\nConnection: close\r\n\r\n', 'latin1'),
    Buffer.from('GET /ua HTTP/1.1\r\nHost: x\r\nUser-Agent: evil"\\\x01\xff agent\r\nReferer: "}\r\nx-correlation-id: raw-2\r\nConnection: close\r\n\r\n', 'latin1'),
    Buffer.from('PO"ST /m HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n', 'latin1'),
    Buffer.from(`GET /${'M'.repeat(20_000)} HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n`, 'latin1'),
  ];
  for (const req of hostileRaw) {
    const c = await RawConn.connect(srv.port);
    await c.write(req);
    try {
      const r = await c.readResponse(3000);
      assert.ok(r.status >= 400 && r.status < 500, `hostile request got a 4xx, got ${r.status}`);
    } catch (err) {
      // closing without an answer is tolerated here; the limits suite checks 400/431
      assert.ok(c.peerClosed, `server neither answered nor closed: ${err.message}`);
    } finally {
      c.destroy();
    }
  }
  const h = await get(`${srv.url}/healthz`);
  assert.equal(h.status, 200, 'server still serves');
  await h.arrayBuffer();

  assert.equal(await srv.stop('SIGTERM'), 0);
  assertAllLinesClean(srv);
  assert.ok(!srv.logs.some((l) => l.level === 'fatal'), 'no injected "fatal" log object');
});

test('OBS-1: LOG_FORMAT=pretty writes human-readable, non-JSON lines', T, async (t) => {
  const srv = await startChatd({ t, env: { LOG_FORMAT: 'pretty' }, format: 'pretty' });
  const res = await get(`${srv.url}/healthz`, { headers: { 'x-correlation-id': 'pretty-check-1' } });
  assert.equal(res.status, 200);
  await res.arrayBuffer();
  const access = await srv.waitForLine((l) => l.includes('pretty-check-1'));
  assert.ok(access.includes('/healthz'), `access line names the path: ${access}`);
  assert.match(access, /\b200\b/, `access line shows the status: ${access}`);
  const listening = srv.lines.find((l) => /listening/i.test(l));
  assert.ok(listening.includes(String(srv.port)), `listening line shows the port: ${listening}`);
  assert.match(listening, /info/i, 'listening line shows the level');
  for (const l of srv.lines) {
    let parsed = null;
    try { parsed = JSON.parse(l); } catch { /* expected */ }
    assert.equal(parsed, null, `pretty line must not be JSON: ${l}`);
  }
  assert.deepEqual(srv.badUtf8, []);
});
