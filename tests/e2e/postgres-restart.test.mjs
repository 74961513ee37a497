// REL-2 / HTTP-5 with PostgreSQL (MODE-2): the database restarts under a running chatd.
// `/readyz` reports the outage within seconds (answering at once, never hanging), chatd
// stays up, and it reconnects by itself when PostgreSQL is back: no restart. And a
// chatd started while PostgreSQL is still down waits for it (OPS-2's patience).
//
// Each test runs a private cluster (lib/postgres.mjs), never the suite's shared one.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { startChatd, get, sleep } from './lib/chatd.mjs';
import { startPostgres, postgresAvailable } from './lib/postgres.mjs';

const skip = postgresAvailable() ? false : 'no PostgreSQL server installed (/usr/lib/postgresql/<major>/bin)';

/** One /readyz answer, with how long it took; a hang is a failure. */
async function readyz(url, budgetMs = 2000) {
  const started = Date.now();
  let res;
  try {
    res = await get(`${url}/readyz`, {}, budgetMs);
  } catch (err) {
    throw new Error(`/readyz did not answer within ${budgetMs} ms (${err.name}: ${err.message})`);
  }
  const body = await res.json();
  return { status: res.status, body, ms: Date.now() - started };
}

/** Polls /readyz until `pred` holds; every answer must come within 2 s. */
async function waitForReadyz(url, pred, withinMs, what) {
  const started = Date.now();
  let last;
  while (Date.now() - started < withinMs) {
    last = await readyz(url);
    assert.ok(last.ms < 2000, `/readyz took ${last.ms} ms`);
    if (pred(last)) return { ...last, after: Date.now() - started };
    await sleep(100);
  }
  assert.fail(`${what} not seen within ${withinMs} ms; last /readyz: ${last?.status} ${JSON.stringify(last?.body)}`);
}

const isUp = (r) => r.status === 200 && r.body.status !== undefined && r.body.checks?.database?.status === 'up';
const isDown = (r) => r.status === 503 && r.body.checks?.database?.status === 'down';

async function hello(url) {
  const res = await get(`${url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query: '{ hello }' }),
  });
  assert.equal(res.status, 200);
  const body = await res.json();
  assert.equal(typeof body.data?.hello, 'string', JSON.stringify(body));
}

test('REL-2: PostgreSQL stops and starts again under a running chatd; /readyz follows, chatd reconnects by itself', { skip, timeout: 90_000 }, async (t) => {
  const pg = await startPostgres({ t });
  await pg.createDatabase('chat_restart');
  const chatd = await startChatd({ t, env: { DATABASE_URL: pg.url('chat_restart') }, startTimeout: 40_000 });
  const pid = chatd.pid;

  const before = await readyz(chatd.url);
  assert.equal(before.status, 200, JSON.stringify(before.body));
  assert.equal(before.body.checks.database.status, 'up');
  await hello(chatd.url);

  // --- outage
  const stoppedAt = Date.now();
  await pg.stop('fast');
  const stopTook = Date.now() - stoppedAt;
  const down = await waitForReadyz(chatd.url, isDown, 3000 + stopTook, 'database down');
  const detectMs = Date.now() - stoppedAt;
  assert.equal(typeof down.body.checks.database.error, 'string');
  assert.ok(down.body.checks.database.error.length > 0, 'the down check says why');
  assert.doesNotMatch(down.body.checks.database.error, /SELECT|INSERT|\/tmp|\.c:\d/, 'no internals (ERR-3)');
  t.diagnostic(`outage detected ${detectMs} ms after pg_ctl stop began (stop took ${stopTook} ms)`);

  // During the outage: every probe answers quickly, the process stays up and serves.
  for (let i = 0; i < 10; i++) {
    const r = await readyz(chatd.url);
    assert.ok(r.ms < 2000, `/readyz took ${r.ms} ms during the outage`);
    assert.ok(isDown(r), `still down: ${r.status} ${JSON.stringify(r.body)}`);
    await sleep(200);
  }
  assert.equal((await get(`${chatd.url}/healthz`)).status, 200);
  await hello(chatd.url);
  assert.equal(chatd.exitInfo, null, 'chatd is still running');

  // --- recovery, same port
  const portBefore = pg.port;
  const startedAt = Date.now();
  await pg.start();
  assert.equal(pg.port, portBefore);
  await waitForReadyz(chatd.url, isUp, 10_000, 'database up again');
  const recoverMs = Date.now() - startedAt;
  t.diagnostic(`recovered ${recoverMs} ms after pg_ctl start began`);

  assert.equal(chatd.exitInfo, null, 'chatd never exited');
  assert.equal(chatd.pid, pid);
  assert.equal(chatd.logs.filter((l) => l.context === 'http' && l.message === 'listening').length, 1,
    'chatd did not restart');
  await hello(chatd.url);
  // Logged once each (the logger may flush a moment after /readyz changed).
  await chatd.waitForLog((l) => l.context === 'store' && l.message === 'database unavailable', 2000);
  await chatd.waitForLog((l) => l.context === 'store' && l.message === 'database available', 2000);
});

test('OPS-2: chatd started while PostgreSQL is down waits for it, then starts', { skip, timeout: 90_000 }, async (t) => {
  const pg = await startPostgres({ t });
  await pg.createDatabase('chat_late');
  await pg.stop('fast');

  const started = Date.now();
  const starting = startChatd({ t, env: { DATABASE_URL: pg.url('chat_late') }, startTimeout: 40_000 });
  starting.catch(() => { /* awaited below */ });
  await sleep(3000);
  await pg.start();
  const upAt = Date.now();
  const chatd = await starting;
  t.diagnostic(`listening ${Date.now() - upAt} ms after PostgreSQL was up (${Date.now() - started} ms after spawn)`);

  const retrying = chatd.logs.findIndex((l) => l.message === 'database unavailable; retrying');
  const listening = chatd.logs.findIndex((l) => l.context === 'http' && l.message === 'listening');
  assert.ok(retrying >= 0, `logged "database unavailable; retrying"; logs: ${chatd.lines.join('\n')}`);
  assert.ok(listening > retrying, 'then "listening"');
  const r = await readyz(chatd.url);
  assert.ok(isUp(r), `${r.status} ${JSON.stringify(r.body)}`);
  await hello(chatd.url);
});
