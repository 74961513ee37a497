// Uploads end to end (SPEC HTTP-2, MSG-3, HTTP-5, AUTH-8) with the client the web app
// uses: Apollo Client with apollo-upload-client's UploadHttpLink, which sends the
// GraphQL multipart request. Images are recognised by content, stored under
// DATA_DIR/uploads with server-made names, and served with their type and `nosniff`;
// anything else, and anything over UPLOAD_MAX_BYTES, is refused with nothing written.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, existsSync } from 'node:fs';
import path from 'node:path';
import { ApolloClient, InMemoryCache, gql } from '@apollo/client/core';
import UploadHttpLink from 'apollo-upload-client/UploadHttpLink.mjs';
import { startChatd, rawExchange } from './lib/chatd.mjs';
import { Session, newUser } from './lib/session.mjs';

const T = { timeout: 60_000 };

const UPDATE_PROFILE = gql`mutation UpdateProfile($fullname: String!, $file: Upload) {
  updateUserProfile(fullname: $fullname, file: $file) { id fullname avatarUrl password }
}`;

// The first bytes of real files: enough for recognition by content (MSG-3).
const PNG = Buffer.concat([
  Buffer.from('89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c489', 'hex'),
  Buffer.from('0d0a2d2d0d0a binary tail with CRLF and dashes \r\n--\r\n', 'latin1'),
]);
const JPEG = Buffer.concat([Buffer.from('ffd8ffe000104a46494600', 'hex'), Buffer.alloc(64, 7)]);
const GIF = Buffer.concat([Buffer.from('GIF89a', 'latin1'), Buffer.alloc(32, 1)]);
const WEBP = Buffer.concat([Buffer.from('RIFF\x24\x00\x00\x00WEBPVP8 ', 'latin1'), Buffer.alloc(32, 2)]);

/** An Apollo client whose requests go through `session`'s cookie jar. */
function apollo(session, { preflight = true } = {}) {
  return new ApolloClient({
    link: new UploadHttpLink({
      uri: `${session.url}/graphql`,
      // Apollo Server 4's CSRF rule (HTTP-3) wants this header on multipart requests.
      headers: preflight ? { 'apollo-require-preflight': 'true' } : {},
      fetch: session.jarFetch,
    }),
    cache: new InMemoryCache(),
  });
}

async function updateProfile(session, variables) {
  return apollo(session).mutate({ mutation: UPDATE_PROFILE, variables, errorPolicy: 'all' });
}

const uploadsDir = (chatd) => path.join(chatd.dataDir, 'uploads');
const listUploads = (chatd) => (existsSync(uploadsDir(chatd)) ? readdirSync(uploadsDir(chatd)).sort() : []);

async function signedIn(chatd) {
  const s = new Session(chatd.url);
  const input = newUser('up');
  const r = await s.register(input);
  assert.equal(r.body.errors, undefined, JSON.stringify(r.body.errors));
  return { s, input, user: r.body.data.register.user };
}

test('MSG-3, HTTP-5: a PNG named x.exe is stored under a generated .png name and served as image/png with nosniff', T, async (t) => {
  const chatd = await startChatd({ t, env: { DATABASE_URL: undefined } });
  const { s, input } = await signedIn(chatd);
  const file = new File([PNG], 'x.exe', { type: 'application/x-msdownload' });
  const r = await updateProfile(s, { fullname: input.fullname, file });
  assert.equal(r.error, undefined, String(r.error));
  const avatar = r.data.updateUserProfile.avatarUrl;
  const m = new RegExp(`^${chatd.url}/uploads/([0-9a-f]{32}\\.png)$`).exec(avatar);
  assert.ok(m, `an absolute URL under /uploads with a generated .png name: ${avatar}`);
  assert.deepEqual(listUploads(chatd), [m[1]], 'exactly the one file, named by the server');

  const served = await fetch(avatar);
  assert.equal(served.status, 200);
  assert.equal(served.headers.get('content-type'), 'image/png');
  assert.equal(served.headers.get('x-content-type-options'), 'nosniff');
  assert.deepEqual(Buffer.from(await served.arrayBuffer()), PNG, 'the bytes as sent, CRLF and dashes included');
  const head = await fetch(avatar, { method: 'HEAD' });
  assert.equal(head.status, 200);
  assert.equal(Number(head.headers.get('content-length')), PNG.length);

  // AUTH-8: a profile update without a file keeps the avatar (the old backend wiped it).
  const renamed = await updateProfile(s, { fullname: `${input.fullname} II` });
  assert.equal(renamed.data.updateUserProfile.avatarUrl, avatar);
  assert.equal(renamed.data.updateUserProfile.fullname, `${input.fullname} II`);
  assert.equal(renamed.data.updateUserProfile.password, null);
});

test('MSG-3: JPEG, GIF and WebP are recognised by content whatever their names and declared types', T, async (t) => {
  const chatd = await startChatd({ t, env: { DATABASE_URL: undefined } });
  const { s, input } = await signedIn(chatd);
  for (const [bytes, ext, type] of [[JPEG, 'jpg', 'image/jpeg'], [GIF, 'gif', 'image/gif'], [WEBP, 'webp', 'image/webp']]) {
    const file = new File([bytes], 'photo.png', { type: 'text/plain' });
    const r = await updateProfile(s, { fullname: input.fullname, file });
    assert.equal(r.error, undefined, String(r.error));
    const avatar = r.data.updateUserProfile.avatarUrl;
    assert.match(avatar, new RegExp(`/uploads/[0-9a-f]{32}\\.${ext}$`));
    const served = await fetch(avatar);
    assert.equal(served.headers.get('content-type'), type);
  }
});

test('MSG-1, MSG-3: sendMessage with an image stores it and answers its absolute URL; a message may be an image alone', T, async (t) => {
  const chatd = await startChatd({ t, env: { DATABASE_URL: undefined } });
  const { s } = await signedIn(chatd);
  const room = (await s.gql('mutation { createChatroom(createChatroomInput: { name: "pics" }) { id } }')).body.data.createChatroom.id;
  const SEND = gql`mutation Send($room: Float!, $content: String!, $image: Upload) {
    sendMessage(chatroomId: $room, content: $content, image: $image) { cursor node { content imageUrl } }
  }`;
  const r = await apollo(s).mutate({ mutation: SEND, variables: { room, content: '', image: new File([GIF], 'goal.txt') }, errorPolicy: 'all' });
  assert.equal(r.error, undefined, String(r.error));
  const url = r.data.sendMessage.node.imageUrl;
  assert.match(url, new RegExp(`^${chatd.url}/uploads/[0-9a-f]{32}\\.gif$`));
  assert.equal((await fetch(url)).headers.get('content-type'), 'image/gif');
  const bad = await apollo(s).mutate({ mutation: SEND, variables: { room, content: 'hi', image: new File(['not an image'], 'a.png') }, errorPolicy: 'all' });
  assert.equal(bad.error?.errors?.[0]?.extensions?.code, 'BAD_REQUEST');
  const page = await s.gql('query($r: Float!) { getMessagesForChatroom(chatroomId: $r) { totalCount edges { node { imageUrl } } } }', { r: room });
  assert.equal(page.body.data.getMessagesForChatroom.totalCount, 1, 'the refused image stored no message');
  assert.equal(page.body.data.getMessagesForChatroom.edges[0].node.imageUrl, url);
});

test('MSG-3: a text file named x.png is refused with BAD_REQUEST and nothing is written; the avatar stays', T, async (t) => {
  const chatd = await startChatd({ t, env: { DATABASE_URL: undefined } });
  const { s, input } = await signedIn(chatd);
  const before = listUploads(chatd);
  const file = new File(['<?php echo "hi"; ?>\n'], 'x.png', { type: 'image/png' });
  const r = await updateProfile(s, { fullname: 'Someone Else Entirely', file });
  const e = r.error?.errors?.[0];
  assert.ok(e, `an error: ${String(r.error)}`);
  assert.equal(e.extensions.code, 'BAD_REQUEST');
  assert.equal(e.message, 'Only JPEG, PNG, GIF or WebP images are allowed');
  assert.deepEqual(e.extensions.errors, { file: 'Only JPEG, PNG, GIF or WebP images are allowed' });
  assert.deepEqual(listUploads(chatd), before, 'nothing written, no temporary file left');
  const me = await s.gql('query($id: Int!) { findUserById(id: $id) { fullname avatarUrl } }', { id: (await s.gql('{ findAllUsers { id fullname } }')).body.data.findAllUsers.find((u) => u.fullname === input.fullname).id });
  assert.equal(me.body.data.findUserById.fullname, input.fullname, 'a refused upload changes nothing');
  assert.equal(me.body.data.findUserById.avatarUrl, null);
});

test('HTTP-2: a file over UPLOAD_MAX_BYTES is refused with PAYLOAD_TOO_LARGE and nothing is written', T, async (t) => {
  const chatd = await startChatd({ t, env: { DATABASE_URL: undefined, UPLOAD_MAX_BYTES: '4096' } });
  const { s, input } = await signedIn(chatd);
  const small = await updateProfile(s, { fullname: input.fullname, file: new File([PNG], 'ok.png') });
  assert.equal(small.error, undefined, 'a file under the limit passes');
  const before = listUploads(chatd);

  // Just over the limit (the multipart layer's check), and far over it (the server's
  // body limit, UPLOAD_MAX_BYTES plus room for the other parts).
  for (const size of [4097, 200_000]) {
    const big = Buffer.concat([PNG, Buffer.alloc(size - PNG.length, 0x41)]);
    const raw = await s.fetch(`${chatd.url}/graphql`, {
      method: 'POST',
      headers: { 'apollo-require-preflight': 'true' },
      body: (() => {
        const form = new FormData();
        form.append('operations', JSON.stringify({ query: UPDATE_PROFILE.loc.source.body, variables: { fullname: input.fullname, file: null } }));
        form.append('map', JSON.stringify({ 1: ['variables.file'] }));
        form.append('1', new File([big], 'big.png', { type: 'image/png' }));
        return form;
      })(),
    });
    assert.equal(raw.status, 413, `${size} bytes: ${raw.text.slice(0, 200)}`);
    assert.equal(raw.body.errors[0].extensions.code, 'PAYLOAD_TOO_LARGE');
    assert.deepEqual(listUploads(chatd), before, `${size} bytes: nothing written`);
  }
});

test('HTTP-2, MSG-3: a client file name with ../ never becomes a path; /uploads serves only names the server made', T, async (t) => {
  const chatd = await startChatd({ t, env: { DATABASE_URL: undefined } });
  const { s, input } = await signedIn(chatd);
  const file = new File([PNG], '../../../chat.db', { type: 'image/png' });
  const r = await updateProfile(s, { fullname: input.fullname, file });
  assert.equal(r.error, undefined, String(r.error));
  assert.match(r.data.updateUserProfile.avatarUrl, /\/uploads\/[0-9a-f]{32}\.png$/);
  const entries = listUploads(chatd);
  assert.equal(entries.length, 1);
  assert.match(entries[0], /^[0-9a-f]{32}\.png$/);
  assert.ok(existsSync(path.join(chatd.dataDir, 'chat.db')), 'the database is untouched');

  const name = entries[0];
  for (const target of [
    '/uploads/../chat.db', '/uploads/..%2fchat.db', '/uploads/%2e%2e/chat.db', `/uploads/${name.toUpperCase()}`,
    `/uploads/${name}/`, `/uploads/${name}%00.png`, '/uploads/', '/uploads/chat.db', `/uploads/./${name}`,
  ]) {
    const { response } = await rawExchange(chatd.port, `GET ${target} HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n`);
    assert.equal(response.status, 404, `${target} → ${response.status}`);
  }
  const post = await fetch(`${chatd.url}/uploads/${name}`, { method: 'POST' });
  assert.equal(post.status, 405);
});

test('HTTP-3: a multipart request without a preflight header is refused before anything is read', T, async (t) => {
  const chatd = await startChatd({ t, env: { DATABASE_URL: undefined } });
  const { s, input } = await signedIn(chatd);
  const r = await apollo(s, { preflight: false }).mutate({
    mutation: UPDATE_PROFILE,
    variables: { fullname: input.fullname, file: new File([PNG], 'a.png') },
    errorPolicy: 'all',
  }).catch((err) => ({ error: err }));
  assert.ok(r.error, 'refused');
  assert.deepEqual(listUploads(chatd), []);
});

test('HTTP-2: malformed multipart requests get a clear 400', T, async (t) => {
  const chatd = await startChatd({ t, env: { DATABASE_URL: undefined } });
  const { s } = await signedIn(chatd);
  const send = (form) => s.fetch(`${chatd.url}/graphql`, { method: 'POST', headers: { 'apollo-require-preflight': 'true' }, body: form });
  const noMap = new FormData();
  noMap.append('operations', JSON.stringify({ query: '{ hello }' }));
  let r = await send(noMap);
  assert.equal(r.status, 400);
  assert.equal(r.body.errors[0].extensions.code, 'BAD_REQUEST');
  assert.ok(r.body.errors[0].message.length > 10, r.body.errors[0].message);

  const wrongPath = new FormData();
  wrongPath.append('operations', JSON.stringify({ query: 'mutation($f: Upload) { updateUserProfile(fullname: "x", file: $f) { id } }', variables: { f: null } }));
  wrongPath.append('map', JSON.stringify({ 1: ['variables.nothere.deep'] }));
  wrongPath.append('1', new File([PNG], 'a.png'));
  r = await send(wrongPath);
  assert.equal(r.status, 400);
  assert.equal(r.body.errors[0].extensions.code, 'BAD_REQUEST');
  assert.deepEqual(listUploads(chatd), []);
});
