// MODE-2 end to end: two chatd instances sharing one PostgreSQL and one Redis behave as
// one server: a write through one is read at once (never stale) through the other
// (CACHE-1 read-your-writes across instances), rate limits are shared (RL-2), and
// stopping Redis in the middle keeps every request succeeding (CACHE-2: the cache falls
// through; limits fail open), Redis coming back being picked up without a restart.
// Needs TEST_DATABASE_URL (make test provides it) and redis-server.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { startChatd, tempDir, sleep, get } from './lib/chatd.mjs';
import { startRedis } from './lib/redis.mjs';
import { Session, newUser } from './lib/session.mjs';

const T = { timeout: 120_000 };
if (!process.env.TEST_DATABASE_URL) throw new Error('cluster tests need TEST_DATABASE_URL (run them through make test)');

let schemas = 0;
async function cluster(t, extraEnv = {}) {
  const redis = await startRedis({ t });
  schemas += 1;
  const env = {
    DATABASE_URL: `${process.env.TEST_DATABASE_URL}?schema=e2e_cluster_${process.pid}_${schemas}`,
    REDIS_URL: redis.url,
    // Both instances sign and check the same tokens.
    JWT_ACCESS_SECRET: 'a'.repeat(40),
    JWT_REFRESH_SECRET: 'r'.repeat(40),
    ...extraEnv,
  };
  const a = await startChatd({ t, env, startTimeout: 40_000 });
  const b = await startChatd({ t, env, startTimeout: 40_000 });
  return { redis, a, b };
}

/** The same user's cookies on another instance. */
async function sameUserOn(session, url) {
  const other = new Session(url);
  await other.setCookie('access_token', await session.cookie('access_token'));
  return other;
}

const ROOM = 'query($r: Float!) { getChatroomById(chatroomId: $r) { id name users { id fullname } } }';
const PAGE = 'query($r: Float!) { getMessagesForChatroom(chatroomId: $r) { totalCount edges { node { content } } } }';

test('MODE-2, CACHE-1: a write through one instance is read at once through the other', T, async (t) => {
  const { a, b } = await cluster(t);
  const sa = new Session(a.url);
  await sa.register(newUser('cl'));
  const sb = await sameUserOn(sa, b.url);
  const room = (await sa.gql('mutation { createChatroom(createChatroomInput: { name: "shared" }) { id } }')).body.data.createChatroom.id;

  for (let round = 0; round < 5; round += 1) {
    // B reads (and caches); A writes; B's next read shows the write.
    assert.ok((await sb.gql(ROOM, { r: room })).body.data.getChatroomById.name.startsWith('shared'));
    await sa.gql('mutation($r: Float!, $n: String!) { updateChatroom(chatroomId: $r, updateChatroomInput: { name: $n }) { id } }', { r: room, n: `shared ${round}` });
    assert.equal((await sb.gql(ROOM, { r: room })).body.data.getChatroomById.name, `shared ${round}`, `round ${round}: never stale`);

    const before = (await sb.gql(PAGE, { r: room })).body.data.getMessagesForChatroom.totalCount;
    await sa.gql('mutation($r: Float!, $c: String!) { sendMessage(chatroomId: $r, content: $c) { cursor } }', { r: room, c: `m${round}` });
    const after = (await sb.gql(PAGE, { r: room })).body.data.getMessagesForChatroom;
    assert.equal(after.totalCount, before + 1, `round ${round}: the new message counts at once`);
    assert.equal(after.edges.at(-1).node.content, `m${round}`);

    await sb.gql('mutation($n: String!) { updateUserProfile(fullname: $n) { id } }', { n: `Fan round ${round}` });
    const members = (await sa.gql(ROOM, { r: room })).body.data.getChatroomById.users;
    assert.equal(members[0].fullname, `Fan round ${round}`, `round ${round}: a profile change shows on the other instance`);
  }
});

test('RL-2: rate limits are shared by the instances', T, async (t) => {
  const dir = tempDir();
  const file = path.join(dir, 'limits.txt');
  writeFileSync(file, 'overall 4/60s\n');
  const { a, b } = await cluster(t, { RATE_LIMITS: file });
  const outcomes = [];
  for (const url of [a.url, b.url, a.url, b.url, a.url, b.url]) {
    const r = await new Session(url).gql('{ hello }');
    outcomes.push(r.body.errors ? r.body.errors[0].extensions.code : 'OK');
  }
  assert.deepEqual(outcomes, ['OK', 'OK', 'OK', 'OK', 'TOO_MANY_REQUESTS', 'TOO_MANY_REQUESTS']);
});

test('CACHE-2, RL-2: with Redis stopped every request still succeeds on both instances; Redis coming back is picked up', T, async (t) => {
  const { redis, a, b } = await cluster(t, { RATE_LIMITS: undefined });
  const sa = new Session(a.url);
  await sa.register(newUser('out'));
  const sb = await sameUserOn(sa, b.url);
  const room = (await sa.gql('mutation { createChatroom(createChatroomInput: { name: "outage" }) { id } }')).body.data.createChatroom.id;
  assert.equal((await sb.gql(ROOM, { r: room })).body.errors, undefined);

  await redis.stop();
  for (let i = 0; i < 4; i += 1) {
    const s = i % 2 ? sb : sa;
    const read = await s.gql(ROOM, { r: room });
    assert.equal(read.body.errors, undefined, `read ${i} without Redis: ${JSON.stringify(read.body.errors)}`);
    const sent = await s.gql('mutation($r: Float!) { sendMessage(chatroomId: $r, content: "no redis") { cursor } }', { r: room });
    assert.equal(sent.body.errors, undefined, `send ${i} without Redis (limits fail open)`);
    await sleep(100);
  }
  await redis.start();
  const ready = async (url) => (await get(`${url}/readyz`)).status === 200;
  for (let i = 0; i < 100 && !(await ready(a.url) && await ready(b.url)); i += 1) await sleep(100);
  assert.ok(await ready(a.url) && await ready(b.url), 'both ready again without a restart');
  await sa.gql('mutation($r: Float!) { updateChatroom(chatroomId: $r, updateChatroomInput: { name: "outage over" }) { id } }', { r: room });
  assert.equal((await sb.gql(ROOM, { r: room })).body.data.getChatroomById.name, 'outage over');
});
