// HTTP surface of the foundation: HTTP-5 (health, readiness, metrics, /), OBS-4
// (metrics content), ERR-1 (error shape), HTTP-1 (/graphql placeholder), HTTP-6
// (keep-alive), OBS-2 (correlation ids).

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import {
  startChatd, get, scrape, RawConn, httpRequest, rawExchange,
  UUID_V4, ISO_MS_UTC, sleep,
} from './lib/chatd.mjs';

const T = { timeout: 15_000 };
let srv;

before(async () => {
  srv = await startChatd();
});
after(async () => {
  await srv?.cleanup();
});

function sumMetric(parsed, name, labels = {}) {
  let total = 0;
  let found = false;
  for (const s of parsed.samples) {
    if (s.name !== name) continue;
    if (!Object.entries(labels).every(([k, v]) => s.labels[k] === v)) continue;
    total += s.value;
    found = true;
  }
  return found ? total : undefined;
}

/** Poll /metrics until pred(value) holds (or time runs out); returns the last value. */
async function pollMetric(name, labels, pred, ms = 2000) {
  const deadline = Date.now() + ms;
  let v;
  do {
    const { parsed } = await scrape(srv.url);
    v = sumMetric(parsed, name, labels);
    if (pred(v)) return v;
    await sleep(50);
  } while (Date.now() < deadline);
  return v;
}

function assertErrorBody(body, code) {
  assert.ok(Array.isArray(body.errors), `errors[] present: ${JSON.stringify(body)}`);
  assert.ok(body.errors.length >= 1);
  const e = body.errors[0];
  assert.equal(typeof e.message, 'string');
  assert.ok(e.message.length > 0, 'message is not empty');
  assert.equal(e.extensions?.code, code);
  assert.equal(typeof e.extensions.timestamp, 'string', 'extensions.timestamp is a string');
  assert.ok(!Number.isNaN(Date.parse(e.extensions.timestamp)), `timestamp parses: ${e.extensions.timestamp}`);
  assert.ok(Math.abs(Date.parse(e.extensions.timestamp) - Date.now()) < 60_000, 'timestamp is current');
}

test('HTTP-5: GET /healthz answers 200 {"status":"ok"} as JSON', T, async () => {
  const res = await get(`${srv.url}/healthz`);
  assert.equal(res.status, 200);
  assert.match(res.headers.get('content-type') ?? '', /^application\/json\b/);
  const body = await res.json();
  assert.deepEqual(body, { status: 'ok' });
});

test('HTTP-5: GET /readyz answers 200 JSON with status "ready"', T, async () => {
  const res = await get(`${srv.url}/readyz`);
  assert.equal(res.status, 200);
  assert.match(res.headers.get('content-type') ?? '', /^application\/json\b/);
  const body = await res.json();
  assert.equal(body.status, 'ready');
});

test('HTTP-5: GET / answers 200 text/html linking to /graphql', T, async () => {
  const res = await get(`${srv.url}/`, { headers: { accept: 'text/html' } });
  assert.equal(res.status, 200);
  assert.match(res.headers.get('content-type') ?? '', /^text\/html\b/);
  const html = await res.text();
  assert.match(html, /<html|<!doctype html/i, 'looks like an HTML document');
  assert.ok(html.includes('/graphql'), 'the page links to the GraphiQL explorer at /graphql');
});

test('HTTP-5 / OBS-4: GET /metrics is valid Prometheus text 0.0.4 with the required families', T, async () => {
  await (await get(`${srv.url}/healthz`)).arrayBuffer();
  const { res, text, parsed } = await scrape(srv.url);
  assert.equal(res.status, 200);
  const ct = res.headers.get('content-type') ?? '';
  assert.match(ct, /^text\/plain\b/);
  assert.match(ct, /version=0\.0\.4/);
  assert.deepEqual(parsed.errors, [], 'every non-comment line is a valid sample');
  assert.ok(text.endsWith('\n'), 'exposition ends with a newline');

  // every sample belongs to a family declared with # TYPE
  for (const s of parsed.samples) {
    const family = [s.name, s.name.replace(/_(bucket|sum|count)$/, '')].find((n) => parsed.types.has(n));
    assert.ok(family, `sample ${s.name} has a # TYPE line`);
  }
  assert.equal(parsed.types.get('chat_http_requests_total') ?? parsed.types.get('chat_http_requests'), 'counter');
  assert.equal(parsed.types.get('chat_http_request_duration_seconds'), 'histogram');
  assert.equal(parsed.types.get('chat_http_open_connections'), 'gauge');
  assert.ok(parsed.types.has('process_resident_memory_bytes'), 'process_resident_memory_bytes declared');

  const healthz = sumMetric(parsed, 'chat_http_requests_total', { route: '/healthz', status: '200' });
  assert.ok(healthz >= 1, `chat_http_requests_total{route="/healthz",status="200"} >= 1, got ${healthz}`);
  assert.ok(text.includes('chat_http_requests_total{'), 'counter has labels');
  for (const suffix of ['_bucket', '_sum', '_count']) {
    assert.ok(
      parsed.samples.some((s) => s.name === `chat_http_request_duration_seconds${suffix}`),
      `histogram has ${suffix}`,
    );
  }
  const rss = sumMetric(parsed, 'process_resident_memory_bytes');
  assert.ok(rss > 1024 * 1024, `RSS is a plausible byte count, got ${rss}`);
  assert.ok(rss < 8 * 1024 ** 3, `RSS is a plausible byte count, got ${rss}`);
  const open = sumMetric(parsed, 'chat_http_open_connections');
  assert.ok(open >= 1, `the scraping connection is open, got ${open}`);
});

test('OBS-4: chat_http_requests_total{route="/healthz",status="200"} counts each request exactly once', T, async () => {
  const { parsed: p0 } = await scrape(srv.url);
  const before = sumMetric(p0, 'chat_http_requests_total', { route: '/healthz', status: '200' }) ?? 0;
  for (let i = 0; i < 3; i++) await (await get(`${srv.url}/healthz`)).arrayBuffer();
  const v = await pollMetric('chat_http_requests_total', { route: '/healthz', status: '200' }, (x) => x >= before + 3);
  assert.equal(v, before + 3);
  // and stays there (no double counting arriving late)
  await sleep(100);
  const { parsed: p2 } = await scrape(srv.url);
  assert.equal(sumMetric(p2, 'chat_http_requests_total', { route: '/healthz', status: '200' }), before + 3);
});

test('OBS-4: the duration histogram counts /healthz requests and is consistent', T, async () => {
  const { parsed: p0 } = await scrape(srv.url);
  const count0 = sumMetric(p0, 'chat_http_request_duration_seconds_count', { route: '/healthz' })
    ?? sumMetric(p0, 'chat_http_request_duration_seconds_count');
  for (let i = 0; i < 4; i++) await (await get(`${srv.url}/healthz`)).arrayBuffer();
  await sleep(100);
  const { parsed } = await scrape(srv.url);
  const hasRoute = parsed.samples.some(
    (s) => s.name === 'chat_http_request_duration_seconds_count' && s.labels.route !== undefined,
  );
  const sel = hasRoute ? { route: '/healthz' } : {};
  const count = sumMetric(parsed, 'chat_http_request_duration_seconds_count', sel);
  assert.ok(count >= (count0 ?? 0) + 4, `_count grew by at least 4 (${count0} -> ${count})`);

  // group buckets by their label set minus "le"
  const groups = new Map();
  for (const s of parsed.samples) {
    if (s.name !== 'chat_http_request_duration_seconds_bucket') continue;
    assert.ok(s.labels.le !== undefined, 'bucket has an le label');
    const { le, ...rest } = s.labels;
    const key = JSON.stringify(Object.entries(rest).sort());
    if (!groups.has(key)) groups.set(key, { labels: rest, buckets: [] });
    groups.get(key).buckets.push([le === '+Inf' ? Infinity : Number(le), s.value]);
  }
  assert.ok(groups.size >= 1, 'at least one bucket series');
  for (const { labels, buckets } of groups.values()) {
    buckets.sort((a, b) => a[0] - b[0]);
    assert.equal(buckets.at(-1)[0], Infinity, `series ${JSON.stringify(labels)} has a +Inf bucket`);
    for (let i = 1; i < buckets.length; i++) {
      assert.ok(buckets[i][1] >= buckets[i - 1][1], `buckets are cumulative for ${JSON.stringify(labels)}`);
    }
    const c = sumMetric(parsed, 'chat_http_request_duration_seconds_count', labels);
    const s = sumMetric(parsed, 'chat_http_request_duration_seconds_sum', labels);
    assert.equal(buckets.at(-1)[1], c, `+Inf bucket equals _count for ${JSON.stringify(labels)}`);
    assert.ok(s >= 0, '_sum is not negative');
    assert.ok(s < c * 10, `_sum is in seconds (${s} for ${c} requests)`);
  }
});

test('OBS-4: unknown paths are counted under route="other"; raw paths never become labels', T, async () => {
  const marker = `zz-unlisted-${Date.now()}`;
  const { parsed: p0 } = await scrape(srv.url);
  const before = sumMetric(p0, 'chat_http_requests_total', { route: 'other', status: '404' }) ?? 0;
  for (let i = 0; i < 2; i++) await (await get(`${srv.url}/${marker}/${i}`)).arrayBuffer();
  const v = await pollMetric('chat_http_requests_total', { route: 'other', status: '404' }, (x) => x >= before + 2);
  assert.equal(v, before + 2);
  const { text } = await scrape(srv.url);
  assert.ok(!text.includes(marker), 'the request path does not appear in /metrics');
});

test('OBS-4: chat_http_open_connections follows connections opening and closing', T, async () => {
  const { parsed: p0 } = await scrape(srv.url);
  const base = sumMetric(p0, 'chat_http_open_connections');
  assert.equal(typeof base, 'number');
  const conns = [];
  for (let i = 0; i < 5; i++) {
    const c = await RawConn.connect(srv.port);
    await c.write(httpRequest('GET', '/healthz'));
    const r = await c.readResponse();
    assert.equal(r.status, 200);
    conns.push(c);
  }
  const during = await pollMetric('chat_http_open_connections', {}, (x) => x >= base + 5);
  assert.ok(during >= base + 5, `gauge rose by at least 5 (${base} -> ${during})`);
  for (const c of conns) c.destroy();
  const afterClose = await pollMetric('chat_http_open_connections', {}, (x) => x <= base, 3000);
  assert.ok(afterClose <= base, `gauge went back down (${during} -> ${afterClose}, base ${base})`);
});

test('ERR-1: unknown paths answer 404 with a JSON NOT_FOUND error', T, async () => {
  const res = await get(`${srv.url}/definitely/not/here`);
  assert.equal(res.status, 404);
  assert.match(res.headers.get('content-type') ?? '', /^application\/json\b/);
  assertErrorBody(await res.json(), 'NOT_FOUND');
});

test('HTTP-1 / GQL-1: POST /graphql executes { __typename }', T, async () => {
  const res = await get(`${srv.url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query: '{ __typename }' }),
  });
  assert.equal(res.status, 200);
  assert.match(res.headers.get('content-type') ?? '', /^application\/json\b/);
  assert.deepEqual(await res.json(), { data: { __typename: 'Query' } });
});

test('HTTP-1 / GQL-1: GET /graphql?query= with a preflight header executes the query', T, async () => {
  const res = await get(`${srv.url}/graphql?query=${encodeURIComponent('{ __typename }')}`, {
    headers: { accept: 'application/json', 'apollo-require-preflight': 'true' },
  });
  assert.equal(res.status, 200);
  assert.match(res.headers.get('content-type') ?? '', /^application\/json\b/);
  assert.deepEqual(await res.json(), { data: { __typename: 'Query' } });
});

test('HTTP-3: a GET or a text/plain POST without a preflight header is blocked as CSRF (400)', T, async () => {
  const viaGet = await get(`${srv.url}/graphql?query=${encodeURIComponent('{ __typename }')}`, {
    headers: { accept: 'application/json' },
  });
  assert.equal(viaGet.status, 400);
  const body = await viaGet.json();
  assertErrorBody(body, 'BAD_REQUEST');
  assert.match(body.errors[0].message, /Cross-Site Request Forgery/);
  const viaPost = await fetch(`${srv.url}/graphql`, {
    method: 'POST', headers: { 'content-type': 'text/plain' }, body: '{"query":"{ a }"}',
  });
  assert.equal(viaPost.status, 400);
  assertErrorBody(await viaPost.json(), 'BAD_REQUEST');
  const named = await fetch(`${srv.url}/graphql`, {
    method: 'POST', headers: { 'content-type': 'text/plain', 'x-apollo-operation-name': 'Q' },
    body: '{"query":"{ a }"}',
  });
  assert.notEqual(named.status, 400, 'x-apollo-operation-name lifts the CSRF block');
});

test('HTTP-4: preflight and responses carry CORS headers for the configured origin only', T, async () => {
  const pre = await fetch(`${srv.url}/graphql`, {
    method: 'OPTIONS',
    headers: { origin: 'http://localhost:5173', 'access-control-request-method': 'POST',
      'access-control-request-headers': 'content-type,authorization' },
  });
  assert.equal(pre.status, 204);
  assert.equal(pre.headers.get('access-control-allow-origin'), 'http://localhost:5173');
  assert.equal(pre.headers.get('access-control-allow-credentials'), 'true');
  assert.match(pre.headers.get('access-control-allow-headers') ?? '', /apollo-require-preflight/);
  assert.match(pre.headers.get('access-control-allow-methods') ?? '', /POST/);
  const ok = await fetch(`${srv.url}/healthz`, { headers: { origin: 'http://localhost:5173' } });
  assert.equal(ok.headers.get('access-control-allow-origin'), 'http://localhost:5173');
  const evil = await fetch(`${srv.url}/healthz`, { headers: { origin: 'https://evil.example' } });
  assert.equal(evil.headers.get('access-control-allow-origin'), null);
  assert.match(evil.headers.get('vary') ?? '', /Origin/);
});

test('HTTP-6: keep-alive serves several sequential requests on one connection', T, async () => {
  const c = await RawConn.connect(srv.port);
  try {
    const plan = [
      ['/healthz', 200], ['/readyz', 200], ['/nope', 404], ['/metrics', 200], ['/healthz', 200],
    ];
    for (const [path, status] of plan) {
      await c.write(httpRequest('GET', path));
      const r = await c.readResponse();
      assert.equal(r.status, status, `${path} on the shared connection`);
      assert.notEqual((r.headers.connection ?? '').toLowerCase(), 'close', 'server keeps the connection');
      assert.equal(c.peerClosed, false, 'connection still open');
    }
    // a POST with a body on the same connection keeps framing intact
    await c.write(httpRequest('POST', '/graphql', { 'Content-Type': 'application/json' }, '{"query":"{ a }"}'));
    assert.equal((await c.readResponse()).status, 200);
    await c.write(httpRequest('GET', '/healthz'));
    assert.equal((await c.readResponse()).status, 200, 'request after a POST body on the same connection');
  } finally {
    c.destroy();
  }
});

test('HTTP-6: pipelined requests are answered in order on one connection', T, async () => {
  const c = await RawConn.connect(srv.port);
  try {
    await c.write(Buffer.concat([
      httpRequest('GET', '/healthz', { 'x-correlation-id': 'pipe-1' }),
      httpRequest('GET', '/nope', { 'x-correlation-id': 'pipe-2' }),
      httpRequest('GET', '/readyz', { 'x-correlation-id': 'pipe-3' }),
    ]));
    const r1 = await c.readResponse();
    const r2 = await c.readResponse();
    const r3 = await c.readResponse();
    assert.deepEqual(
      [r1.status, r2.status, r3.status, r1.headers['x-correlation-id'], r2.headers['x-correlation-id'], r3.headers['x-correlation-id']],
      [200, 404, 200, 'pipe-1', 'pipe-2', 'pipe-3'],
    );
  } finally {
    c.destroy();
  }
});

test('HTTP-6: "Connection: close" and HTTP/1.0 requests get one response and the server closes', T, async () => {
  for (const req of [
    httpRequest('GET', '/healthz', { Connection: 'close' }),
    Buffer.from('GET /healthz HTTP/1.0\r\n\r\n'),
  ]) {
    const c = await RawConn.connect(srv.port);
    try {
      await c.write(req);
      const r = await c.readResponse();
      assert.equal(r.status, 200);
      assert.equal(await c.waitPeerClose(2000), true, `server closes after ${req.toString().split('\r\n')[0]}`);
    } finally {
      c.destroy();
    }
  }
});

test('OBS-2: a well-formed x-correlation-id is echoed unchanged (up to 128 chars)', T, async () => {
  const ids = ['abc-123.XYZ_9', 'a', 'x'.repeat(128), 'A.b-C_d.0123456789'];
  for (const id of ids) {
    const res = await get(`${srv.url}/healthz`, { headers: { 'x-correlation-id': id } });
    await res.arrayBuffer();
    assert.equal(res.headers.get('x-correlation-id'), id);
  }
  // also on error responses
  for (const [path, method] of [['/missing', 'GET'], ['/graphql', 'POST']]) {
    const res = await get(`${srv.url}${path}`, {
      method,
      headers: { 'x-correlation-id': 'err-path-id', 'content-type': 'application/json' },
      body: method === 'POST' ? '{"query":"{ a }"}' : undefined,
    });
    await res.arrayBuffer();
    assert.equal(res.headers.get('x-correlation-id'), 'err-path-id', `${method} ${path}`);
  }
});

test('OBS-2: without x-correlation-id a fresh UUIDv4 is generated per request', T, async () => {
  const seen = new Set();
  for (let i = 0; i < 5; i++) {
    const res = await get(`${srv.url}/healthz`);
    await res.arrayBuffer();
    const id = res.headers.get('x-correlation-id');
    assert.match(id ?? '', UUID_V4);
    seen.add(id);
  }
  assert.equal(seen.size, 5, 'every request gets its own id');
});

test('OBS-2: malformed x-correlation-id values are replaced by a UUIDv4', T, async () => {
  const bad = [
    'y'.repeat(129),
    'z'.repeat(200),
    'has space',
    'slash/inside',
    'semi;colon',
    'quote"d',
    '<script>',
    'a%0Ab',
  ];
  for (const id of bad) {
    const res = await get(`${srv.url}/healthz`, { headers: { 'x-correlation-id': id } });
    await res.arrayBuffer();
    const echoed = res.headers.get('x-correlation-id');
    assert.notEqual(echoed, id, `${JSON.stringify(id)} must not be echoed`);
    assert.match(echoed ?? '', UUID_V4, `${JSON.stringify(id)} replaced by a UUIDv4`);
  }
  // byte-level cases fetch cannot send: empty value, non-ASCII bytes, tab inside
  for (const raw of ['x-correlation-id: \r\n', 'x-correlation-id: caf\xe9\r\n', 'x-correlation-id: a\tb\r\n']) {
    const { response } = await rawExchange(
      srv.port,
      Buffer.from(`GET /healthz HTTP/1.1\r\nHost: x\r\n${raw}Connection: close\r\n\r\n`, 'latin1'),
    );
    assert.equal(response.status, 200);
    assert.match(response.headers['x-correlation-id'] ?? '', UUID_V4, `${JSON.stringify(raw)} replaced`);
  }
});

test('OBS-1: the listening line reports host and the bound port', T, async () => {
  assert.equal(srv.listening.level, 'info');
  assert.equal(srv.listening.host, '127.0.0.1');
  assert.equal(srv.listening.port, srv.port);
  assert.match(srv.listening.timestamp, ISO_MS_UTC);
});

test('REL-1: an unsupported method on /healthz is rejected (404/405) and the server keeps serving', T, async () => {
  const res = await get(`${srv.url}/healthz`, { method: 'DELETE' });
  await res.arrayBuffer();
  assert.ok(res.status === 405 || res.status === 404, `DELETE /healthz is 405 or 404, got ${res.status}`);
  const again = await get(`${srv.url}/healthz`);
  assert.equal(again.status, 200);
  await again.arrayBuffer();
});
