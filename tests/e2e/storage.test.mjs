// OPS-2 with the embedded store (MODE-1): `chatd migrate` creates and migrates
// DATA_DIR/chat.db, again is a no-op, and chatd then serves with the database up; a
// database migrated by a newer chatd, or a DATA_DIR that cannot be opened, stops both
// `chatd migrate` and `chatd` with exit 1 and one clear stderr line, touching nothing.
//
// SQLite on purpose: DATABASE_URL (E2E_DATABASE_URL) is removed from the environment.
// The newer schema is made with the `sqlite3` CLI (scripts/deps.sh --test installs it).

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { runChatd, startChatd, tempDir, get } from './lib/chatd.mjs';

const T = { timeout: 30_000 };
const sqliteEnv = (dataDir) => ({ DATA_DIR: dataDir, DATABASE_URL: undefined });

/** stderr as its non-empty lines. */
const stderrLines = (r) => r.stderr.split('\n').filter((l) => l.trim() !== '');

function sqlite3(file, sql) {
  try {
    return execFileSync('sqlite3', [file, sql], { encoding: 'utf8' }).trim();
  } catch (err) {
    if (err.code === 'ENOENT') throw new Error('the sqlite3 CLI is missing: scripts/deps.sh --test installs it');
    throw err;
  }
}

/** A DATA_DIR migrated by `chatd migrate`. */
async function migratedDataDir() {
  const dataDir = tempDir();
  const r = await runChatd(['migrate'], sqliteEnv(dataDir), { timeout: 15_000 });
  assert.equal(r.code, 0, `chatd migrate: stderr ${r.stderr}`);
  return dataDir;
}

test('OPS-2: chatd migrate on a fresh DATA_DIR creates chat.db and exits 0; again exits 0; chatd then serves with the database up', T, async (t) => {
  const dataDir = tempDir();
  const db = path.join(dataDir, 'chat.db');

  const first = await runChatd(['migrate'], sqliteEnv(dataDir), { timeout: 15_000 });
  assert.equal(first.timedOut, false, 'migrate exits by itself');
  assert.equal(first.code, 0, `exit code; stderr: ${first.stderr}`);
  assert.equal(first.stderr, '', 'nothing on stderr');
  assert.ok(existsSync(db), 'chat.db is created');
  const version = Number(sqlite3(db, 'PRAGMA user_version'));
  assert.ok(version >= 1, `schema version ${version}`);

  const again = await runChatd(['migrate'], sqliteEnv(dataDir), { timeout: 15_000 });
  assert.equal(again.code, 0, `second migrate; stderr: ${again.stderr}`);
  assert.equal(again.stderr, '');
  assert.equal(Number(sqlite3(db, 'PRAGMA user_version')), version, 'the version did not move');

  const chatd = await startChatd({ t, env: sqliteEnv(dataDir) });
  const res = await get(`${chatd.url}/readyz`);
  const body = await res.json();
  assert.equal(res.status, 200, JSON.stringify(body));
  assert.equal(body.checks?.database?.status, 'up');
  assert.equal(await chatd.stop(), 0);
});

test('OPS-2: chatd (serve) alone migrates a fresh DATA_DIR', T, async (t) => {
  const dataDir = tempDir();
  const chatd = await startChatd({ t, env: sqliteEnv(dataDir) });
  const ready = chatd.logs.find((l) => l.context === 'store' && l.message === 'database ready');
  assert.ok(ready, 'logs "database ready"');
  assert.ok(existsSync(path.join(dataDir, 'chat.db')));
  assert.equal((await get(`${chatd.url}/readyz`)).status, 200);
});

test('OPS-2: a database migrated by a newer chatd stops `chatd migrate` and `chatd` with exit 1 and one clear line, and is left unchanged', T, async () => {
  const dataDir = await migratedDataDir();
  const db = path.join(dataDir, 'chat.db');
  sqlite3(db, 'PRAGMA user_version=999');
  const bytes = readFileSync(db);
  const entries = readdirSync(dataDir).sort();

  for (const args of [['migrate'], []]) {
    const what = args.length ? 'chatd migrate' : 'chatd';
    const r = await runChatd(args, sqliteEnv(dataDir), { timeout: 15_000 });
    assert.equal(r.timedOut, false, `${what} exits by itself`);
    assert.equal(r.code, 1, `${what}: exit code; stderr: ${r.stderr}`);
    const lines = stderrLines(r);
    assert.equal(lines.length, 1, `${what}: one stderr line, got ${JSON.stringify(r.stderr)}`);
    assert.match(lines[0], /schema/i, `${what}: names the schema: ${lines[0]}`);
    assert.match(lines[0], /newer|too[ _]new/i, `${what}: says it is newer: ${lines[0]}`);
    assert.match(lines[0], /999/, `${what}: names the version found: ${lines[0]}`);
    assert.doesNotMatch(r.stdout, /"message":"listening"/, `${what} did not start serving`);
    assert.ok(readFileSync(db).equals(bytes), `${what} left chat.db unchanged`);
    assert.deepEqual(readdirSync(dataDir).sort(), entries, `${what} left DATA_DIR as it was`);
  }
  assert.equal(sqlite3(db, 'PRAGMA user_version'), '999');
});

test('OPS-2: a DATA_DIR that cannot be opened (a file in its place) stops `chatd migrate` and `chatd` with exit 1 and one clear line', T, async () => {
  const parent = tempDir();
  const notADir = path.join(parent, 'data');
  writeFileSync(notADir, 'not a directory\n');

  for (const args of [['migrate'], []]) {
    const what = args.length ? 'chatd migrate' : 'chatd';
    const r = await runChatd(args, sqliteEnv(notADir), { timeout: 15_000 });
    assert.equal(r.timedOut, false, `${what} exits by itself`);
    assert.equal(r.code, 1, `${what}: exit code; stderr: ${r.stderr}`);
    const lines = stderrLines(r);
    assert.equal(lines.length, 1, `${what}: one stderr line, got ${JSON.stringify(r.stderr)}`);
    assert.match(lines[0], /DATA_DIR|database|chat\.db/, `${what}: says what could not be opened: ${lines[0]}`);
    assert.match(lines[0], /not a directory|cannot|could not/i, `${what}: says why: ${lines[0]}`);
    assert.doesNotMatch(r.stdout, /"message":"listening"/, `${what} did not start serving`);
    assert.equal(readFileSync(notADir, 'utf8'), 'not a directory\n', `${what} left the file alone`);
  }
});
