// Rate limits end to end (SPEC RL-1, RL-2, CONF-4): the old backend's defaults, per user
// when signed in and per address otherwise, TOO_MANY_REQUESTS with retryAfter, a limits
// file, `off`, and TRUST_PROXY's X-Forwarded-For.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { startChatd, runChatd, tempDir, sleep, scrape, metricValue } from './lib/chatd.mjs';
import { Session, newUser, firstError, REFRESH } from './lib/session.mjs';

const T = { timeout: 60_000 };
const defaults = { DATABASE_URL: undefined, RATE_LIMITS: undefined };
const outcome = (r) => (r.body?.errors?.length ? r.body.errors[0].extensions.code : 'OK');

test('RL-1: with the built-in limits, a second login within 3 s is TOO_MANY_REQUESTS with retryAfter, and passes again after the window', T, async (t) => {
  const chatd = await startChatd({ t, env: defaults });
  const input = newUser('rl');
  const s = new Session(chatd.url);
  assert.equal(outcome(await s.register(input)), 'OK');
  await sleep(3100);  // register and login share nothing, but the address just registered
  const first = await new Session(chatd.url).login(input.email, input.password);
  assert.equal(outcome(first), 'OK');
  const second = await new Session(chatd.url).login(input.email, input.password);
  assert.equal(second.status, 200, 'Apollo clients read the refusal from errors');
  const e = firstError(second);
  assert.equal(e.extensions.code, 'TOO_MANY_REQUESTS');
  assert.equal(e.message, 'Too many requests. Please try again later.');
  assert.ok(Number.isInteger(e.extensions.retryAfter) && e.extensions.retryAfter >= 1 && e.extensions.retryAfter <= 3, JSON.stringify(e.extensions));
  assert.equal(second.body.data, undefined, 'nothing ran');
  await sleep(e.extensions.retryAfter * 1000 + 100);
  assert.equal(outcome(await new Session(chatd.url).login(input.email, input.password)), 'OK');
  const metrics = await scrape(chatd.url);
  assert.ok(metricValue(metrics.parsed, 'chat_rate_limit_rejections_total') >= 1);
});

test('RL-1: signed-in limits are per user: another user from the same address is not held back; refreshToken is never limited', T, async (t) => {
  const chatd = await startChatd({ t, env: defaults });
  const a = new Session(chatd.url);
  await a.register(newUser('ra'));
  await sleep(3100);
  const b = new Session(chatd.url);
  assert.equal(outcome(await b.register(newUser('rb'))), 'OK');
  const room = 'mutation($n: String!) { createChatroom(createChatroomInput: { name: $n }) { id } }';
  // createChatroom: 2 per 3 s per user.
  assert.equal(outcome(await a.gql(room, { n: `ra1 ${process.pid}` })), 'OK');
  assert.equal(outcome(await a.gql(room, { n: `ra2 ${process.pid}` })), 'OK');
  assert.equal(outcome(await a.gql(room, { n: `ra3 ${process.pid}` })), 'TOO_MANY_REQUESTS');
  assert.equal(outcome(await b.gql(room, { n: `rb1 ${process.pid}` })), 'OK', 'b has its own budget');
  for (let i = 0; i < 5; i += 1) {
    assert.equal(outcome(await a.gql(REFRESH)), 'OK', 'refreshToken is exempt');
  }
});

test('RL-1, CONF-4: a limits file sets the overall limit; a bad file stops start-up naming the line; off turns limits off', T, async (t) => {
  const dir = tempDir();
  const file = path.join(dir, 'limits.txt');
  writeFileSync(file, '# tight for the test\noverall 5/60s\nhello unlimited\n');
  const chatd = await startChatd({ t, env: { DATABASE_URL: undefined, RATE_LIMITS: file } });
  const s = new Session(chatd.url);
  const results = [];
  for (let i = 0; i < 7; i += 1) results.push(outcome(await s.gql('{ hello }')));
  assert.deepEqual(results, ['OK', 'OK', 'OK', 'OK', 'OK', 'TOO_MANY_REQUESTS', 'TOO_MANY_REQUESTS']);
  const e = firstError(await s.gql('{ hello }'));
  assert.ok(e.extensions.retryAfter > 3 && e.extensions.retryAfter <= 60);

  const bad = path.join(dir, 'bad.txt');
  writeFileSync(bad, 'overall 100/60s\nlogin lots\n');
  const r = await runChatd([], { RATE_LIMITS: bad }, { timeout: 10_000 });
  assert.notEqual(r.code, 0);
  assert.match(r.stderr, /RATE_LIMITS/);
  assert.match(r.stderr, /line 2/);

  const off = await startChatd({ t, env: { DATABASE_URL: undefined, RATE_LIMITS: 'off' } });
  const o = new Session(off.url);
  for (let i = 0; i < 120; i += 1) assert.equal(outcome(await o.gql('{ hello }')), 'OK');
});

test('RL-2: behind a trusted proxy the client is the X-Forwarded-For address; otherwise the header is ignored', T, async (t) => {
  const dir = tempDir();
  const file = path.join(dir, 'limits.txt');
  writeFileSync(file, 'overall 2/60s\n');
  const trusted = await startChatd({ t, env: { DATABASE_URL: undefined, RATE_LIMITS: file, TRUST_PROXY: 'loopback' } });
  const via = (ip) => new Session(trusted.url, { headers: { 'x-forwarded-for': ip } });
  assert.equal(outcome(await via('203.0.113.1').gql('{ hello }')), 'OK');
  assert.equal(outcome(await via('203.0.113.1').gql('{ hello }')), 'OK');
  assert.equal(outcome(await via('203.0.113.1').gql('{ hello }')), 'TOO_MANY_REQUESTS');
  assert.equal(outcome(await via('203.0.113.2').gql('{ hello }')), 'OK', 'another client behind the proxy');

  const untrusted = await startChatd({ t, env: { DATABASE_URL: undefined, RATE_LIMITS: file } });
  const forged = (ip) => new Session(untrusted.url, { headers: { 'x-forwarded-for': ip } });
  assert.equal(outcome(await forged('198.51.100.1').gql('{ hello }')), 'OK');
  assert.equal(outcome(await forged('198.51.100.2').gql('{ hello }')), 'OK');
  assert.equal(outcome(await forged('198.51.100.3').gql('{ hello }')), 'TOO_MANY_REQUESTS', 'a forged header does not reset the budget');
});
