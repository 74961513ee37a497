// Accounts end to end (SPEC AUTH-1..8, ERR-1, ERR-2, CONF-3) through a real cookie jar
// (tough-cookie): registration and its cookies, login answers and timing, refresh-token
// rotation with reuse detection, logout, expired and bad credentials, the web client's
// `Bearer null` header, the user queries and profile updates, and the old backend's
// bcrypt hashes. The flows run against the embedded SQLite store and, when
// TEST_DATABASE_URL is set (make test), against PostgreSQL too (MODE-3).

import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { startChatd, sleep } from './lib/chatd.mjs';
import {
  Session, newUser, firstError, parseSetCookie, REFRESH, LOGOUT, ME_BY_ID,
} from './lib/session.mjs';

const T = { timeout: 60_000 };

const backends = [{ name: 'SQLite', env: { DATABASE_URL: undefined } }];
if (process.env.TEST_DATABASE_URL) {
  backends.push({
    name: 'PostgreSQL',
    env: { DATABASE_URL: `${process.env.TEST_DATABASE_URL}?schema=e2e_accounts_${process.pid}` },
  });
}

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};

/** Every body a session received holds no bcrypt hash (AUTH-7). */
function assertNoHashes(...sessions) {
  for (const s of sessions) {
    for (const body of s.bodies) {
      assert.ok(!/\$2[aby]\$/.test(body), `a response carries a password hash: ${body.slice(0, 200)}`);
    }
  }
}

for (const backend of backends) {
  describe(`accounts on ${backend.name}`, () => {
    test('AUTH-1, AUTH-3: register answers the user and sets both cookies HttpOnly, SameSite=Strict, Path=/, without Secure in development', T, async (t) => {
      const chatd = await startChatd({ t, env: backend.env, startTimeout: 40_000 });
      const s = new Session(chatd.url);
      const input = newUser();
      const r = await s.register(input);
      assert.equal(r.status, 200);
      assert.equal(r.body.errors, undefined, JSON.stringify(r.body.errors));
      const user = r.body.data.register.user;
      assert.equal(user.email, input.email.toLowerCase(), 'emails are stored lower-cased');
      assert.equal(user.fullname, input.fullname);
      assert.equal(user.password, null);
      assert.equal(user.avatarUrl, null);
      assert.match(user.createdAt, /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/);

      const cookies = Object.fromEntries(r.setCookies.map(parseSetCookie).map((c) => [c.name, c]));
      assert.deepEqual(Object.keys(cookies).sort(), ['access_token', 'refresh_token']);
      for (const c of Object.values(cookies)) {
        assert.equal(c.attrs.httponly, true, `${c.name} HttpOnly`);
        assert.equal(c.attrs.samesite, 'Strict', `${c.name} SameSite`);
        assert.equal(c.attrs.path, '/', `${c.name} Path`);
        assert.equal(c.attrs.secure, undefined, `${c.name} is not Secure in development`);
        assert.ok(Number(c.attrs['max-age']) > 0, `${c.name} Max-Age`);
        assert.equal(c.value.split('.').length, 3, `${c.name} is a JWT`);
      }
      assert.equal(Number(cookies.access_token.attrs['max-age']), 15 * 60, 'ACCESS_TOKEN_TTL default 15m');
      assert.equal(Number(cookies.refresh_token.attrs['max-age']), 7 * 24 * 3600, 'REFRESH_TOKEN_TTL default 7d');
      const header = JSON.parse(Buffer.from(cookies.access_token.value.split('.')[0], 'base64url'));
      assert.deepEqual(header, { alg: 'HS256', typ: 'JWT' });
      const claims = JSON.parse(Buffer.from(cookies.access_token.value.split('.')[1], 'base64url'));
      assert.equal(claims.sub, user.id, 'sub is the user id');

      // Registration signed the user in: the cookie alone authenticates.
      const me = await s.gql(ME_BY_ID, { id: user.id });
      assert.equal(me.body.errors, undefined, JSON.stringify(me.body.errors));
      assert.equal(me.body.data.findUserById.email, input.email.toLowerCase());
      assertNoHashes(s);
    });

    test('AUTH-1, ERR-1: invalid registrations are BAD_REQUEST with extensions.errors per field; duplicates name the field', T, async (t) => {
      const chatd = await startChatd({ t, env: backend.env, startTimeout: 40_000 });
      const s = new Session(chatd.url);
      const bad = await s.register({
        fullname: '   ', email: 'not-an-email', password: 'short', confirmPassword: 'other',
      });
      const e = firstError(bad);
      assert.equal(e.extensions.code, 'BAD_REQUEST');
      assert.deepEqual(Object.keys(e.extensions.errors).sort(), ['confirmPassword', 'email', 'fullname', 'password']);
      assert.equal(e.extensions.errors.password, 'Password must be at least 8 characters');
      assert.equal(e.extensions.errors.confirmPassword, 'Passwords do not match');
      assert.equal(e.message, e.extensions.errors.fullname, 'the message is the first field\'s');
      assert.ok(!e.message.includes('::'), 'no old-style prefixes (ERR-4)');
      assert.equal(bad.setCookies.length, 0, 'a refused registration signs nobody in');

      const tooLong = await s.register({ ...newUser(), fullname: 'x'.repeat(51) });
      assert.equal(firstError(tooLong).extensions.errors.fullname, 'Fullname must be at most 50 characters');
      const mismatch = await s.register({ ...newUser(), confirmPassword: 'password124' });
      assert.equal(firstError(mismatch).message, 'Passwords do not match');

      const input = newUser();
      assert.equal((await s.register(input)).body.errors, undefined);
      const sameEmail = await new Session(chatd.url).register({
        ...newUser(), email: `  ${input.email.toUpperCase()} `,
      });
      assert.equal(firstError(sameEmail).extensions.code, 'BAD_REQUEST');
      assert.equal(firstError(sameEmail).message, 'Email already exists');
      assert.deepEqual(firstError(sameEmail).extensions.errors, { email: 'Email already exists' });
      const sameName = await new Session(chatd.url).register({ ...newUser(), fullname: ` ${input.fullname} ` });
      assert.equal(firstError(sameName).message, 'FullName already exists');
      assert.deepEqual(firstError(sameName).extensions.errors, { fullname: 'FullName already exists' });
    });

    test('AUTH-2: a wrong password and an unknown email get the same answer, with median times within 20%', T, async (t) => {
      const chatd = await startChatd({ t, env: backend.env, startTimeout: 40_000 });
      const s = new Session(chatd.url);
      const input = newUser();
      assert.equal((await s.register(input)).body.errors, undefined);

      const ok = await new Session(chatd.url).login(input.email.toUpperCase(), input.password);
      assert.equal(ok.body.errors, undefined, 'login is case-insensitive on the email');
      assert.equal(ok.setCookies.length, 2);

      const wrong = [];
      const unknown = [];
      let wrongBody;
      let unknownBody;
      for (let i = 0; i < 12; i += 1) {
        let t0 = performance.now();
        const a = await new Session(chatd.url).login(input.email, 'wrong-password');
        wrong.push(performance.now() - t0);
        t0 = performance.now();
        const b = await new Session(chatd.url).login(`nobody${i}@example.com`, 'wrong-password');
        unknown.push(performance.now() - t0);
        wrongBody = a;
        unknownBody = b;
      }
      for (const r of [wrongBody, unknownBody]) {
        assert.equal(r.status, 200);
        assert.equal(r.body.data, null);
        assert.equal(r.setCookies.length, 0);
      }
      const strip = (r) => r.body.errors.map(({ extensions: { timestamp, ...ext }, ...rest }) => ({ ...rest, extensions: ext }));
      assert.deepEqual(strip(wrongBody), strip(unknownBody), 'identical errors');
      assert.equal(firstError(wrongBody).message, 'Invalid credentials');
      assert.equal(firstError(wrongBody).extensions.code, 'BAD_REQUEST');
      const mw = median(wrong);
      const mu = median(unknown);
      const diff = Math.abs(mw - mu) / Math.max(mw, mu);
      assert.ok(diff < 0.2, `median wrong-password ${mw.toFixed(1)} ms vs unknown-email ${mu.toFixed(1)} ms differ by ${(diff * 100).toFixed(1)}%`);
    });

    test('AUTH-4: refreshToken rotates both cookies; replaying the old refresh token revokes the family, so the newest stops working too', T, async (t) => {
      const chatd = await startChatd({ t, env: backend.env, startTimeout: 40_000 });
      const s = new Session(chatd.url);
      assert.equal((await s.register(newUser())).body.errors, undefined);
      const access0 = await s.cookie('access_token');
      const refresh0 = await s.cookie('refresh_token');

      await sleep(1100);  // a new iat, so the new access token differs too
      const r1 = await s.gql(REFRESH);
      assert.equal(r1.body.errors, undefined, JSON.stringify(r1.body.errors));
      const access1 = await s.cookie('access_token');
      const refresh1 = await s.cookie('refresh_token');
      assert.equal(r1.body.data.refreshToken, access1, 'refreshToken answers the new access token');
      assert.notEqual(access1, access0);
      assert.notEqual(refresh1, refresh0);
      assert.equal(r1.setCookies.length, 2);

      // The rotated token works once more...
      const r2 = await s.gql(REFRESH);
      assert.equal(r2.body.errors, undefined);
      const refresh2 = await s.cookie('refresh_token');

      // ...and the replay of an older one is reuse: UNAUTHENTICATED, family revoked.
      const thief = new Session(chatd.url);
      await thief.setCookie('refresh_token', refresh0);
      const replay = await thief.gql(REFRESH);
      assert.equal(firstError(replay).extensions.code, 'UNAUTHENTICATED');
      assert.equal(replay.body.data, null);

      const victim = new Session(chatd.url);
      await victim.setCookie('refresh_token', refresh2);
      const after = await victim.gql(REFRESH);
      assert.equal(firstError(after).extensions.code, 'UNAUTHENTICATED', 'the newest token of a revoked family stops working');
      const cleared = after.setCookies.map(parseSetCookie);
      assert.deepEqual(cleared.map((c) => c.name).sort(), ['access_token', 'refresh_token']);
      for (const c of cleared) assert.equal(c.attrs['max-age'], '0', 'a refused refresh clears the cookies');

      const none = await new Session(chatd.url).gql(REFRESH);
      assert.equal(firstError(none).extensions.code, 'UNAUTHENTICATED', 'no refresh cookie');
      assertNoHashes(s, thief, victim);
    });

    test('AUTH-5: logout revokes the family, clears both cookies and answers "Successfully logged out"', T, async (t) => {
      const chatd = await startChatd({ t, env: backend.env, startTimeout: 40_000 });
      const s = new Session(chatd.url);
      const input = newUser();
      const reg = await s.register(input);
      const refresh = await s.cookie('refresh_token');
      const out = await s.gql(LOGOUT);
      assert.equal(out.body.data.logout, 'Successfully logged out');
      const cleared = out.setCookies.map(parseSetCookie);
      assert.deepEqual(cleared.map((c) => c.name).sort(), ['access_token', 'refresh_token']);
      for (const c of cleared) {
        assert.equal(c.value, '');
        assert.equal(c.attrs['max-age'], '0');
      }
      assert.equal(await s.cookie('access_token'), undefined, 'the jar dropped the access cookie');
      assert.equal(await s.cookie('refresh_token'), undefined, 'the jar dropped the refresh cookie');
      const me = await s.gql(ME_BY_ID, { id: reg.body.data.register.user.id });
      assert.equal(firstError(me).extensions.code, 'UNAUTHENTICATED');

      const replay = new Session(chatd.url);
      await replay.setCookie('refresh_token', refresh);
      assert.equal(firstError(await replay.gql(REFRESH)).extensions.code, 'UNAUTHENTICATED', 'a logged-out refresh token is dead');
      // Logging out without a session is fine too.
      assert.equal((await new Session(chatd.url).gql(LOGOUT)).body.data.logout, 'Successfully logged out');
    });

    test('AUTH-6, ERR-2: Bearer null with a valid cookie works; a bad header alone, a forged token and an expired token are UNAUTHENTICATED', T, async (t) => {
      const chatd = await startChatd({ t, env: { ...backend.env, ACCESS_TOKEN_TTL: '2s' }, startTimeout: 40_000 });
      const s = new Session(chatd.url);
      const reg = await s.register(newUser());
      const id = reg.body.data.register.user.id;
      const access = await s.cookie('access_token');

      for (const authorization of ['Bearer null', 'Bearer ', 'Bearer undefined', 'Basic abc', 'Bearer x.y.z']) {
        const r = await s.gql(ME_BY_ID, { id }, { headers: { authorization } });
        assert.equal(r.body.errors, undefined, `${authorization} + cookie: ${JSON.stringify(r.body.errors)}`);
      }
      const bare = new Session(chatd.url);
      const viaHeader = await bare.gql(ME_BY_ID, { id }, { headers: { authorization: `Bearer ${access}` } });
      assert.equal(viaHeader.body.errors, undefined, 'the header alone authenticates');
      const nothing = await bare.gql(ME_BY_ID, { id }, { headers: { authorization: 'Bearer null' } });
      assert.equal(firstError(nothing).extensions.code, 'UNAUTHENTICATED');
      assert.equal(nothing.body.data, null);

      // A token signed with another secret, and one with alg none.
      const [h, p] = access.split('.');
      const forged = new Session(chatd.url);
      await forged.setCookie('access_token', `${h}.${p}.${Buffer.from('x'.repeat(32)).toString('base64url')}`);
      assert.equal(firstError(await forged.gql(ME_BY_ID, { id })).extensions.code, 'UNAUTHENTICATED');
      const none = new Session(chatd.url);
      const noneHeader = Buffer.from(JSON.stringify({ alg: 'none', typ: 'JWT' })).toString('base64url');
      await none.setCookie('access_token', `${noneHeader}.${p}.`);
      assert.equal(firstError(await none.gql(ME_BY_ID, { id })).extensions.code, 'UNAUTHENTICATED');

      // ACCESS_TOKEN_TTL=2s: the same cookie, once expired, is refused.
      const expired = new Session(chatd.url);
      await expired.setCookie('access_token', access);
      await sleep(3100);
      const late = await expired.gql(ME_BY_ID, { id });
      assert.equal(firstError(late).extensions.code, 'UNAUTHENTICATED', 'an expired access token');
    });

    test('AUTH-7, AUTH-8: the user queries need a session, never show a hash, and searchUsers excludes the caller', T, async (t) => {
      const chatd = await startChatd({ t, env: backend.env, startTimeout: 40_000 });
      const anon = new Session(chatd.url);
      for (const q of ['{ findAllUsers { id } }', '{ searchUsers(fullname: "a") { id } }', '{ findUserById(id: 1) { id } }']) {
        const r = await anon.gql(q);
        assert.equal(firstError(r).extensions.code, 'UNAUTHENTICATED', q);
      }
      const upd = await anon.gql('mutation { updateUserProfile(fullname: "x") { id } }');
      assert.equal(firstError(upd).extensions.code, 'UNAUTHENTICATED');

      const tag = `Zq${process.pid}${Date.now() % 100000}`;
      const a = new Session(chatd.url);
      const b = new Session(chatd.url);
      await a.register({ ...newUser(), fullname: `Alice ${tag}` });
      const rb = await b.register({ ...newUser(), fullname: `Bob ${tag}` });
      const found = await a.gql('query($n: String!) { searchUsers(fullname: $n) { id fullname password } }', { n: tag.toLowerCase() });
      assert.deepEqual(found.body.data.searchUsers.map((u) => u.fullname), [`Bob ${tag}`], 'case-insensitive, without the caller');
      assert.equal(found.body.data.searchUsers[0].password, null);
      const all = await a.gql('{ findAllUsers { id fullname password } }');
      assert.ok(all.body.data.findAllUsers.length >= 2);
      assert.ok(all.body.data.findAllUsers.every((u) => u.password === null));
      const missing = await a.gql(ME_BY_ID, { id: 987654321 });
      assert.equal(firstError(missing).extensions.code, 'NOT_FOUND');

      const renamed = await b.gql('mutation { updateUserProfile(fullname: "  Bobby Renamed  ") { id fullname avatarUrl } }');
      assert.equal(renamed.body.errors, undefined, JSON.stringify(renamed.body.errors));
      assert.equal(renamed.body.data.updateUserProfile.fullname, 'Bobby Renamed');
      assert.equal(renamed.body.data.updateUserProfile.id, rb.body.data.register.user.id);
      const empty = await b.gql('mutation { updateUserProfile(fullname: " ") { id } }');
      assert.equal(firstError(empty).extensions.code, 'BAD_REQUEST');
      assert.deepEqual(firstError(empty).extensions.errors, { fullname: 'Fullname is required' });
      const taken = await b.gql('mutation($n: String!) { updateUserProfile(fullname: $n) { id } }', { n: `Alice ${tag}` });
      assert.equal(firstError(taken).message, 'FullName already exists');
      assertNoHashes(anon, a, b);
    });
  });
}

test('AUTH-1: a $2b$10$ hash made by the old backend\'s bcrypt verifies (password123)', T, async (t) => {
  const chatd = await startChatd({ t, env: { DATABASE_URL: undefined }, startTimeout: 40_000 });
  const db = path.join(chatd.dataDir, 'chat.db');
  const hash = '$2b$10$vf4F43B9vfNZQBTFacYFDesLRIIHwGNemLB.khGw2FwnYCtkahcIK';
  const now = Date.now();
  execFileSync('sqlite3', [db, `PRAGMA busy_timeout=5000; INSERT INTO users (email, fullname, password_hash, created_at, updated_at) VALUES ('legacy@example.com', 'Legacy Fan', '${hash}', ${now}, ${now});`]);
  const s = new Session(chatd.url);
  const ok = await s.login('legacy@example.com', 'password123');
  assert.equal(ok.body.errors, undefined, JSON.stringify(ok.body.errors));
  assert.equal(ok.body.data.login.user.fullname, 'Legacy Fan');
  assert.equal(ok.body.data.login.user.password, null);
  const bad = await new Session(chatd.url).login('legacy@example.com', 'password124');
  assert.equal(firstError(bad).message, 'Invalid credentials');
  assertNoHashes(s);
});

test('AUTH-3: in production the cookies are Secure too', T, async (t) => {
  const chatd = await startChatd({
    t,
    env: {
      DATABASE_URL: undefined,
      APP_ENV: 'production',
      JWT_ACCESS_SECRET: 'a'.repeat(40),
      JWT_REFRESH_SECRET: 'b'.repeat(40),
    },
    startTimeout: 40_000,
  });
  const r = await new Session(chatd.url).register(newUser());
  assert.equal(r.body.errors, undefined, JSON.stringify(r.body.errors));
  const cookies = r.setCookies.map(parseSetCookie);
  assert.equal(cookies.length, 2);
  for (const c of cookies) {
    assert.equal(c.attrs.secure, true, `${c.name} Secure`);
    assert.equal(c.attrs.httponly, true);
    assert.equal(c.attrs.samesite, 'Strict');
  }
});
