// Chatrooms and messages end to end (SPEC ROOM-1..4, MSG-1, MSG-2, REL-3) through HTTP
// with real cookies: the authorization matrix as one table, room creation rules,
// search, the caller's rooms, members, sending, and cursor pagination over 1 000
// messages with concurrent inserts. Runs on SQLite and, under make test, on PostgreSQL
// too (MODE-3).

import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { startChatd } from './lib/chatd.mjs';
import { Session, newUser, firstError } from './lib/session.mjs';

const T = { timeout: 120_000 };

const backends = [{ name: 'SQLite', env: { DATABASE_URL: undefined } }];
if (process.env.TEST_DATABASE_URL) {
  backends.push({
    name: 'PostgreSQL',
    env: { DATABASE_URL: `${process.env.TEST_DATABASE_URL}?schema=e2e_rooms_${process.pid}` },
  });
}

const CREATE = `mutation($input: CreateChatroomInput!) {
  createChatroom(createChatroomInput: $input) { id name access adminId colorHex description users { id } messages { id } }
}`;
const SEND = `mutation($room: Float!, $content: String!) {
  sendMessage(chatroomId: $room, content: $content) { cursor node { id content user { id fullname password } chatroom { id name } } }
}`;
const PAGE = `query($room: Float!, $take: Int!, $cursor: Int) {
  getMessagesForChatroom(chatroomId: $room, take: $take, cursor: $cursor) {
    totalCount pageInfo { hasNextPage endCursor } edges { cursor node { id content user { id } } }
  }
}`;

async function signUp(url, prefix) {
  const s = new Session(url);
  const r = await s.register(newUser(prefix));
  assert.equal(r.body.errors, undefined, JSON.stringify(r.body.errors));
  s.user = r.body.data.register.user;
  return s;
}

async function createRoom(s, input) {
  const r = await s.gql(CREATE, { input });
  assert.equal(r.body.errors, undefined, JSON.stringify(r.body.errors));
  return r.body.data.createChatroom;
}

/** 'OK' or the first error's code. */
const outcome = (r) => (r.body?.errors?.length ? r.body.errors[0].extensions.code : 'OK');

for (const backend of backends) {
  describe(`rooms on ${backend.name}`, () => {
    test('REL-3, ROOM-2, ROOM-3, MSG-1: the authorization matrix (operation × caller × room access)', T, async (t) => {
      const chatd = await startChatd({ t, env: backend.env, startTimeout: 40_000 });
      const admin = await signUp(chatd.url, 'adm');
      const member = await signUp(chatd.url, 'mem');
      const outsider = await signUp(chatd.url, 'out');
      const extra = await signUp(chatd.url, 'ext');
      const anonymous = new Session(chatd.url);
      const callers = { anonymous, outsider, member, admin };

      // Each operation, as a function of (room id) → response; deleteChatroom gets a
      // fresh room per cell so the others keep theirs.
      const ops = {
        getChatroomById: (s, room) => s.gql('query($r: Float!) { getChatroomById(chatroomId: $r) { id } }', { r: room }),
        getUsersOfChatroom: (s, room) => s.gql('query($r: Float!) { getUsersOfChatroom(chatroomId: $r) { id } }', { r: room }),
        getMessagesForChatroom: (s, room) => s.gql(PAGE, { room, take: 5 }),
        sendMessage: (s, room) => s.gql(SEND, { room, content: 'hello' }),
        addUsersToChatroom: (s, room) => s.gql('mutation($r: Float!, $u: [Float!]!) { addUsersToChatroom(chatroomId: $r, userIds: $u) }', { r: room, u: [extra.user.id] }),
        deleteChatroom: (s, room) => s.gql('mutation($r: Float!) { deleteChatroom(chatroomId: $r) }', { r: room }),
        updateChatroom: (s, room) => s.gql('mutation($r: Float!) { updateChatroom(chatroomId: $r, updateChatroomInput: { description: "x" }) { id } }', { r: room }),
        leaveChatroom: (s, room) => s.gql('mutation($r: Float!, $u: [Float!]!) { removeUsersFromChatroom(chatroomId: $r, userIds: $u) }', { r: room, u: [s.user?.id ?? 1] }),
      };
      // expected[op][access][caller]
      const read = { anonymous: 'UNAUTHENTICATED', outsider: 'OK', member: 'OK', admin: 'OK' };
      const readPrivate = { anonymous: 'UNAUTHENTICATED', outsider: 'FORBIDDEN', member: 'OK', admin: 'OK' };
      const membersOnly = { anonymous: 'UNAUTHENTICATED', outsider: 'FORBIDDEN', member: 'OK', admin: 'OK' };
      const adminOnly = { anonymous: 'UNAUTHENTICATED', outsider: 'FORBIDDEN', member: 'FORBIDDEN', admin: 'OK' };
      const expected = {
        getChatroomById: { PUBLIC: read, PRIVATE: readPrivate },
        getUsersOfChatroom: { PUBLIC: read, PRIVATE: readPrivate },
        getMessagesForChatroom: { PUBLIC: read, PRIVATE: readPrivate },
        sendMessage: { PUBLIC: read, PRIVATE: readPrivate },
        addUsersToChatroom: { PUBLIC: membersOnly, PRIVATE: membersOnly },
        deleteChatroom: { PUBLIC: adminOnly, PRIVATE: adminOnly },
        updateChatroom: { PUBLIC: adminOnly, PRIVATE: adminOnly },
        // Removing oneself: a member leaves; the admin cannot (BAD_REQUEST).
        leaveChatroom: {
          PUBLIC: { anonymous: 'UNAUTHENTICATED', outsider: 'FORBIDDEN', member: 'OK', admin: 'BAD_REQUEST' },
          PRIVATE: { anonymous: 'UNAUTHENTICATED', outsider: 'FORBIDDEN', member: 'OK', admin: 'BAD_REQUEST' },
        },
      };

      let n = 0;
      const room = async (access) => {
        n += 1;
        return (await createRoom(admin, { name: `Matrix ${access} ${n} ${process.pid}`, access, userIds: [String(member.user.id)] })).id;
      };
      const rooms = { PUBLIC: await room('PUBLIC'), PRIVATE: await room('PRIVATE') };
      const got = {};
      const mismatches = [];
      for (const [op, run] of Object.entries(ops)) {
        got[op] = {};
        for (const access of ['PUBLIC', 'PRIVATE']) {
          got[op][access] = {};
          for (const [who, s] of Object.entries(callers)) {
            const fresh = op === 'deleteChatroom' || op === 'leaveChatroom';
            const target = fresh ? await room(access) : rooms[access];
            const r = await run(s, target);
            assert.equal(r.status, 200);
            const o = outcome(r);
            got[op][access][who] = o;
            if (o !== expected[op][access][who]) mismatches.push(`${op} ${access} ${who}: ${o}, expected ${expected[op][access][who]}`);
            if (o !== 'OK') assert.ok(r.body.data === null || Object.values(r.body.data).every((v) => v === null), 'a refused field is null');
          }
        }
      }
      assert.deepEqual(mismatches, [], JSON.stringify(got, null, 1));

      // The refusals' messages (ROOM-2), and a missing room for every operation.
      const forbidden = await ops.getChatroomById(outsider, rooms.PRIVATE);
      assert.equal(firstError(forbidden).message, 'You do not have access to this chatroom');
      for (const [op, run] of Object.entries(ops)) {
        const r = await run(member, 987654321);
        assert.equal(outcome(r), 'NOT_FOUND', op);
        assert.equal(firstError(r).message, 'Chatroom not found', op);
      }
    });

    test('ROOM-1: creation rules, defaults, and the creator as admin and member', T, async (t) => {
      const chatd = await startChatd({ t, env: backend.env, startTimeout: 40_000 });
      const a = await signUp(chatd.url, 'cr');
      const b = await signUp(chatd.url, 'cr');
      const name = `Boca fans ${process.pid}`;
      const room = await createRoom(a, { name: `  ${name}  `, colorHex: '#1A2b3C', description: 'La Bombonera', userIds: [String(b.user.id)] });
      assert.equal(room.name, name, 'trimmed');
      assert.equal(room.access, 'PRIVATE', 'default access');
      assert.equal(room.adminId, a.user.id);
      assert.equal(room.colorHex, '#1A2b3C');
      assert.deepEqual(room.users.map((u) => u.id).sort(), [a.user.id, b.user.id].sort());
      assert.deepEqual(room.messages, []);

      const dup = await a.gql(CREATE, { input: { name } });
      assert.equal(firstError(dup).extensions.code, 'BAD_REQUEST');
      assert.equal(firstError(dup).message, 'Chatroom with this name already exists');
      for (const [input, field] of [
        [{ name: '   ' }, 'name'], [{ name: 'x'.repeat(101) }, 'name'], [{ name: 'ok1', access: 'SECRET' }, 'access'],
        [{ name: 'ok2', colorHex: 'red' }, 'colorHex'], [{ name: 'ok3', description: 'd'.repeat(501) }, 'description'],
        [{ name: 'ok4', userIds: ['abc'] }, 'userIds'],
      ]) {
        const r = await a.gql(CREATE, { input });
        assert.equal(firstError(r)?.extensions.code, 'BAD_REQUEST', JSON.stringify(input));
        assert.ok(field in firstError(r).extensions.errors, `${field}: ${JSON.stringify(firstError(r).extensions)}`);
      }
      const unknown = await a.gql(CREATE, { input: { name: `ok5 ${process.pid}`, userIds: ['987654321'] } });
      assert.equal(firstError(unknown).extensions.code, 'NOT_FOUND');
      const anon = await new Session(chatd.url).gql(CREATE, { input: { name: 'x' } });
      assert.equal(firstError(anon).extensions.code, 'UNAUTHENTICATED');
    });

    test('ROOM-3, ROOM-4: adding members, the member list, the caller\'s rooms and search', T, async (t) => {
      const chatd = await startChatd({ t, env: backend.env, startTimeout: 40_000 });
      const a = await signUp(chatd.url, 'lst');
      const b = await signUp(chatd.url, 'lst');
      const c = await signUp(chatd.url, 'lst');
      const tag = `Zx${process.pid}`;
      const priv = await createRoom(a, { name: `${tag} private` });
      const pub = await createRoom(c, { name: `${tag} public`, access: 'PUBLIC' });
      const hidden = await createRoom(c, { name: `${tag} hidden` });

      const add = await a.gql('mutation($r: Float!, $u: [Float!]!) { addUsersToChatroom(chatroomId: $r, userIds: $u) }', { r: priv.id, u: [b.user.id, b.user.id] });
      assert.equal(add.body.data.addUsersToChatroom, `Users added to chatroom ${tag} private successfully`);
      const again = await a.gql('mutation($r: Float!, $u: [Float!]!) { addUsersToChatroom(chatroomId: $r, userIds: $u) }', { r: priv.id, u: [b.user.id] });
      assert.equal(again.body.errors, undefined, 'adding a member again is a no-op');
      const users = await b.gql('query($r: Float!) { getUsersOfChatroom(chatroomId: $r) { id password } }', { r: priv.id });
      assert.deepEqual(users.body.data.getUsersOfChatroom.map((u) => u.id), [b.user.id, a.user.id], 'most recently joined first');
      assert.ok(users.body.data.getUsersOfChatroom.every((u) => u.password === null));
      const bad = await a.gql('mutation($r: Float!, $u: [Float!]!) { addUsersToChatroom(chatroomId: $r, userIds: $u) }', { r: priv.id, u: [987654321] });
      assert.equal(firstError(bad).extensions.code, 'NOT_FOUND');
      const half = await a.gql('mutation($u: [Float!]!) { addUsersToChatroom(chatroomId: 1.5, userIds: $u) }', { u: [1] });
      assert.equal(firstError(half).extensions.code, 'BAD_REQUEST', 'GQL-3: ids are whole numbers');

      const mine = await b.gql('query($u: Float!) { getChatroomsForUser(userId: $u) { id name messages { id } } }', { u: b.user.id });
      assert.deepEqual(mine.body.data.getChatroomsForUser.map((r) => r.id), [priv.id]);
      const theirs = await b.gql('query($u: Float!) { getChatroomsForUser(userId: $u) { id } }', { u: a.user.id });
      assert.equal(firstError(theirs).extensions.code, 'FORBIDDEN', 'only the caller\'s own rooms');

      const search = async (s, term, limit) => (await s.gql('query($t: String!, $l: Int) { getChatroomsForSearch(searchTerm: $t, limit: $l) { totalCount chatrooms { id name } } }', { t: term, l: limit })).body;
      const found = await search(b, tag.toLowerCase());
      assert.deepEqual(found.data.getChatroomsForSearch.chatrooms.map((r) => r.name).sort(), [`${tag} private`, `${tag} public`], 'public rooms and the caller\'s, not others\' private ones');
      assert.equal(found.data.getChatroomsForSearch.totalCount, 2);
      const limited = await search(b, tag, 1);
      assert.equal(limited.data.getChatroomsForSearch.chatrooms.length, 1);
      assert.equal(limited.data.getChatroomsForSearch.totalCount, 2, 'totalCount counts every match');
      const blank = await search(b, '   ');
      assert.deepEqual(blank.data.getChatroomsForSearch, { totalCount: 0, chatrooms: [] });
      assert.ok(hidden.id > 0);
    });

    test('ROOM-5: removeUsersFromChatroom (admin removes others, a member leaves) and updateChatroom (admin only, ROOM-1 rules)', T, async (t) => {
      const chatd = await startChatd({ t, env: backend.env, startTimeout: 40_000 });
      const admin = await signUp(chatd.url, 'r5');
      const m1 = await signUp(chatd.url, 'r5');
      const m2 = await signUp(chatd.url, 'r5');
      const name = `Room5 ${process.pid}`;
      const room = await createRoom(admin, { name, userIds: [String(m1.user.id), String(m2.user.id)] });
      const remove = (s, ids) => s.gql('mutation($r: Float!, $u: [Float!]!) { removeUsersFromChatroom(chatroomId: $r, userIds: $u) }', { r: room.id, u: ids });
      const read = (s) => s.gql('query($r: Float!) { getChatroomById(chatroomId: $r) { id name access colorHex description users { id } } }', { r: room.id });

      assert.equal(outcome(await remove(m1, [m2.user.id])), 'FORBIDDEN', 'a member cannot remove another');
      assert.equal(outcome(await remove(admin, [admin.user.id])), 'BAD_REQUEST', 'the admin cannot leave');
      const left = await remove(m1, [m1.user.id]);
      assert.equal(left.body.data.removeUsersFromChatroom, `Users removed from chatroom ${name} successfully`);
      assert.equal(outcome(await read(m1)), 'FORBIDDEN', 'a member who left loses access at once');
      assert.equal(outcome(await remove(admin, [m2.user.id])), 'OK');
      assert.equal(outcome(await read(m2)), 'FORBIDDEN');
      assert.deepEqual((await read(admin)).body.data.getChatroomById.users.map((u) => u.id), [admin.user.id]);
      assert.equal(outcome(await remove(m2, [m2.user.id])), 'FORBIDDEN', 'a non-member cannot remove anyone');

      const update = (s, input) => s.gql('mutation($r: Float!, $i: UpdateChatroomInput!) { updateChatroom(chatroomId: $r, updateChatroomInput: $i) { id name access colorHex description } }', { r: room.id, i: input });
      const changed = await update(admin, { name: `${name} renamed`, access: 'PUBLIC', colorHex: '#00ff00', description: 'd' });
      assert.equal(changed.body.errors, undefined, JSON.stringify(changed.body.errors));
      assert.deepEqual(changed.body.data.updateChatroom, { id: room.id, name: `${name} renamed`, access: 'PUBLIC', colorHex: '#00ff00', description: 'd' });
      assert.equal(outcome(await read(m2)), 'OK', 'now PUBLIC: readable by any signed-in user');
      assert.equal(outcome(await update(m2, { name: 'mine' })), 'FORBIDDEN', 'admin only');
      const cleared = await update(admin, { description: null });
      assert.equal(cleared.body.data.updateChatroom.description, null, 'null clears');
      assert.equal(cleared.body.data.updateChatroom.colorHex, '#00ff00', 'omitted is kept');
      for (const input of [{ name: '  ' }, { access: 'OPEN' }, { colorHex: '#12' }, { name: null }]) {
        assert.equal(outcome(await update(admin, input)), 'BAD_REQUEST', JSON.stringify(input));
      }
      const other = await createRoom(admin, { name: `${name} other` });
      const dup = await update(admin, { name: `${name} other` });
      assert.equal(firstError(dup).message, 'Chatroom with this name already exists');
      assert.ok(other.id !== room.id);
    });

    test('MSG-1: sending needs content, answers the edge with author and room, and shows as the room\'s latest message', T, async (t) => {
      const chatd = await startChatd({ t, env: backend.env, startTimeout: 40_000 });
      const a = await signUp(chatd.url, 'snd');
      const room = await createRoom(a, { name: `Send ${process.pid}` });
      const r = await a.gql(SEND, { room: room.id, content: '  ¡Vamos!  ' });
      assert.equal(r.body.errors, undefined, JSON.stringify(r.body.errors));
      const edge = r.body.data.sendMessage;
      assert.equal(edge.cursor, edge.node.id);
      assert.equal(edge.node.content, '¡Vamos!');
      assert.equal(edge.node.user.id, a.user.id);
      assert.equal(edge.node.user.password, null);
      assert.deepEqual(edge.node.chatroom, { id: room.id, name: room.name });
      const empty = await a.gql(SEND, { room: room.id, content: '   ' });
      assert.equal(firstError(empty).extensions.code, 'BAD_REQUEST');
      const long = await a.gql(SEND, { room: room.id, content: 'x'.repeat(4001) });
      assert.equal(firstError(long).extensions.code, 'BAD_REQUEST');
      const card = await a.gql('query($r: Float!) { getChatroomById(chatroomId: $r) { messages { id content } } }', { r: room.id });
      assert.deepEqual(card.body.data.getChatroomById.messages, [{ id: edge.node.id, content: '¡Vamos!' }]);
    });

    test('MSG-2: 1 000 messages paged 50 at a time while others are sent: each seen once, in order, hasNextPage and endCursor exact', T, async (t) => {
      const chatd = await startChatd({ t, env: backend.env, startTimeout: 40_000 });
      const a = await signUp(chatd.url, 'pg');
      const room = await createRoom(a, { name: `Pages ${process.pid}` });
      const sent = [];
      for (let i = 0; i < 1000; i += 25) {
        const batch = await Promise.all(Array.from({ length: 25 }, (_, k) => a.gql(SEND, { room: room.id, content: `m${i + k}` })));
        for (const r of batch) {
          assert.equal(r.body.errors, undefined);
          sent.push(r.body.data.sendMessage.cursor);
        }
      }
      sent.sort((x, y) => x - y);

      // Page from the newest down while a writer keeps sending newer messages.
      let writing = true;
      const later = [];
      const writer = (async () => {
        while (writing) {
          const r = await a.gql(SEND, { room: room.id, content: 'late' });
          later.push(r.body.data.sendMessage.cursor);
        }
      })();
      const first = await a.gql(PAGE, { room: room.id, take: 50 });
      const start = first.body.data.getMessagesForChatroom;
      const seen = [];
      let page = start;
      let pages = 0;
      for (;;) {
        pages += 1;
        const ids = page.edges.map((e) => e.cursor);
        assert.deepEqual(ids, [...ids].sort((x, y) => x - y), 'edges oldest to newest within a page');
        assert.ok(ids.length <= 50);
        seen.unshift(...ids);
        assert.equal(page.pageInfo.endCursor, ids[0] ?? null, 'endCursor is the oldest id of the page');
        if (!page.pageInfo.hasNextPage) break;
        const next = await a.gql(PAGE, { room: room.id, take: 50, cursor: page.pageInfo.endCursor });
        assert.equal(next.body.errors, undefined);
        page = next.body.data.getMessagesForChatroom;
      }
      writing = false;
      await writer;
      const expectedIds = [...sent, ...later].filter((id) => id <= start.edges.at(-1).cursor).sort((x, y) => x - y);
      assert.deepEqual(seen, expectedIds, 'every message up to the first page seen exactly once, in order');
      assert.ok(seen.length >= 1000);
      assert.ok(pages >= 20);
      const total = (await a.gql(PAGE, { room: room.id, take: 1 })).body.data.getMessagesForChatroom.totalCount;
      assert.equal(total, sent.length + later.length, 'totalCount counts the room\'s messages');

      const capped = await a.gql(PAGE, { room: room.id, take: 500 });
      assert.equal(capped.body.data.getMessagesForChatroom.edges.length, 50, 'take is capped at 50');
      const zero = await a.gql(PAGE, { room: room.id, take: 0 });
      assert.equal(firstError(zero).extensions.code, 'BAD_REQUEST');
    });
  });
}
