// Cache-aside end to end (SPEC CACHE-1, OBS-4): repeated reads are served from the cache
// (counted in /metrics by kind), a write is visible to the very next read
// (read-your-writes), and CACHE=off sends every read to the database.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { startChatd, scrape, metricValue } from './lib/chatd.mjs';
import { Session, newUser } from './lib/session.mjs';

const T = { timeout: 60_000 };
const hits = async (url, kind) => metricValue((await scrape(url)).parsed, 'chat_cache_requests_total', { kind, result: 'hit' }) ?? 0;
const GET = 'query($r: Float!) { getChatroomById(chatroomId: $r) { id name description users { id fullname } } }';

test('CACHE-1: repeated getChatroomById reads hit the cache; every write shows in the next read', T, async (t) => {
  const chatd = await startChatd({ t, env: { DATABASE_URL: undefined } });
  const a = new Session(chatd.url);
  await a.register(newUser('ca'));
  const b = new Session(chatd.url);
  const rb = await b.register(newUser('cb'));
  const room = (await a.gql('mutation { createChatroom(createChatroomInput: { name: "cached", access: "PUBLIC" }) { id } }')).body.data.createChatroom.id;

  for (let i = 0; i < 5; i += 1) assert.equal((await a.gql(GET, { r: room })).body.data.getChatroomById.name, 'cached');
  assert.ok(await hits(chatd.url, 'chatroom') >= 4, 'the room came from the cache');
  assert.ok(await hits(chatd.url, 'members') >= 4, 'its members too');

  // Read-your-writes: each write is visible to the next read.
  await a.gql('mutation($r: Float!) { updateChatroom(chatroomId: $r, updateChatroomInput: { name: "renamed", description: "new" }) { id } }', { r: room });
  const renamed = (await b.gql(GET, { r: room })).body.data.getChatroomById;
  assert.equal(renamed.name, 'renamed');
  assert.equal(renamed.description, 'new');
  await a.gql('mutation($r: Float!, $u: [Float!]!) { addUsersToChatroom(chatroomId: $r, userIds: $u) }', { r: room, u: [rb.body.data.register.user.id] });
  assert.equal((await a.gql(GET, { r: room })).body.data.getChatroomById.users.length, 2, 'a new member shows at once');
  await b.gql('mutation { updateUserProfile(fullname: "Renamed Fan") { id } }');
  assert.ok((await a.gql(GET, { r: room })).body.data.getChatroomById.users.some((u) => u.fullname === 'Renamed Fan'), 'a profile change shows in member lists at once');
  const page = 'query($r: Float!) { getMessagesForChatroom(chatroomId: $r) { totalCount edges { node { content } } } }';
  assert.equal((await a.gql(page, { r: room })).body.data.getMessagesForChatroom.totalCount, 0);
  await a.gql('mutation($r: Float!) { sendMessage(chatroomId: $r, content: "fresh") { cursor } }', { r: room });
  const after = (await a.gql(page, { r: room })).body.data.getMessagesForChatroom;
  assert.equal(after.totalCount, 1, 'a sent message shows in the next page read');
  assert.equal(after.edges[0].node.content, 'fresh');
});

test('CACHE-1: CACHE=off reads the database every time', T, async (t) => {
  const chatd = await startChatd({ t, env: { DATABASE_URL: undefined, CACHE: 'off' } });
  const a = new Session(chatd.url);
  await a.register(newUser('co'));
  const room = (await a.gql('mutation { createChatroom(createChatroomInput: { name: "uncached" }) { id } }')).body.data.createChatroom.id;
  for (let i = 0; i < 3; i += 1) assert.equal((await a.gql(GET, { r: room })).body.data.getChatroomById.name, 'uncached');
  assert.equal(await hits(chatd.url, 'chatroom'), 0);
});
