// MODE-2 with Redis (HTTP-5, OBS-4, CACHE-2): /readyz and /metrics follow the Redis
// connection, and a Redis outage in the middle keeps every request succeeding; Redis
// coming back is picked up without a restart of chatd.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { startChatd, get, sleep, scrape, metricValue } from './lib/chatd.mjs';
import { startRedis, redisAvailable } from './lib/redis.mjs';
import { Session, newUser } from './lib/session.mjs';

const T = { timeout: 60_000 };
if (!redisAvailable()) throw new Error('redis-server is missing: scripts/deps.sh --test installs it');

async function waitFor(check, ms = 10_000) {
  const end = Date.now() + ms;
  while (Date.now() < end) {
    if (await check()) return true;
    await sleep(100);
  }
  return false;
}

const readyz = async (url) => {
  const r = await get(`${url}/readyz`);
  return { status: r.status, body: await r.json() };
};

test('HTTP-5, CACHE-2: /readyz reports Redis; requests keep succeeding while Redis is down; Redis coming back is picked up', T, async (t) => {
  const redis = await startRedis({ t });
  const chatd = await startChatd({ t, env: { DATABASE_URL: undefined, REDIS_URL: redis.url } });
  assert.ok(await waitFor(async () => (await readyz(chatd.url)).status === 200), 'ready with Redis up');
  assert.equal((await readyz(chatd.url)).body.checks.redis.status, 'up');
  const metrics = await scrape(chatd.url);
  assert.equal(metricValue(metrics.parsed, 'chat_redis_connected'), 1);

  const s = new Session(chatd.url);
  const r = await s.register(newUser('rd'));
  assert.equal(r.body.errors, undefined);
  const room = (await s.gql('mutation { createChatroom(createChatroomInput: { name: "redis room" }) { id } }')).body.data.createChatroom.id;

  await redis.stop();
  assert.ok(await waitFor(async () => (await readyz(chatd.url)).status === 503), '/readyz says not ready without Redis');
  assert.equal((await readyz(chatd.url)).body.checks.redis.status, 'down');
  for (let i = 0; i < 5; i += 1) {
    const read = await s.gql('query($r: Float!) { getChatroomById(chatroomId: $r) { id name } }', { r: room });
    assert.equal(read.body.errors, undefined, `reads work without Redis: ${JSON.stringify(read.body.errors)}`);
    const sent = await s.gql('mutation($r: Float!) { sendMessage(chatroomId: $r, content: "still here") { cursor } }', { r: room });
    assert.equal(sent.body.errors, undefined, 'writes work without Redis');
  }

  await redis.start();
  assert.ok(await waitFor(async () => (await readyz(chatd.url)).status === 200), 'ready again once Redis is back, without a restart');
  const after = await s.gql('query($r: Float!) { getMessagesForChatroom(chatroomId: $r) { totalCount } }', { r: room });
  assert.equal(after.body.data.getMessagesForChatroom.totalCount, 5);
});
