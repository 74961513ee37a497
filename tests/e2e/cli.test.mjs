// Command line and configuration: CONF-1 (flags, --help), CONF-4 (invalid values
// stop start-up with one clear line and a non-zero exit; nothing half-starts).

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { runChatd, startChatd, freePort, get } from './lib/chatd.mjs';

const T = { timeout: 15_000 };

test('CONF-1: --help prints usage naming every variable and its flag, exits 0', T, async () => {
  const r = await runChatd(['--help']);
  assert.equal(r.timedOut, false, '--help must not start the server');
  assert.equal(r.code, 0, `exit code; stderr: ${r.stderr}`);
  assert.match(r.stdout, /usage/i, 'stdout contains a usage text');
  const pairs = [
    ['PORT', '--port'],
    ['HOST', '--host'],
    ['DATA_DIR', '--data-dir'],
    ['DATABASE_URL', '--database-url'],
    ['REDIS_URL', '--redis-url'],
    ['LOG_LEVEL', '--log-level'],
    ['LOG_FORMAT', '--log-format'],
    ['APP_ENV', '--app-env'],
    ['THREADS', '--threads'],
  ];
  for (const [envName, flag] of pairs) {
    assert.match(r.stdout, new RegExp(`\\b${envName}\\b`), `--help mentions ${envName}`);
    assert.ok(r.stdout.includes(flag), `--help mentions ${flag}`);
  }
  assert.ok(!/"message":"listening"/.test(r.stdout), '--help does not start listening');
});

test('CONF-1: --version prints "chatd <version>" and exits 0', T, async () => {
  const r = await runChatd(['--version']);
  assert.equal(r.timedOut, false, '--version must not start the server');
  assert.equal(r.code, 0, `exit code; stderr: ${r.stderr}`);
  const out = r.stdout.replace(/\n$/, '');
  assert.ok(!out.includes('\n'), `exactly one line, got ${JSON.stringify(r.stdout)}`);
  assert.match(out, /^chatd [0-9A-Za-z][0-9A-Za-z.+_-]*$/);
});

// Each case: env (or args), the variable the single stderr line must name.
const invalid = [
  { name: 'PORT=abc', env: { PORT: 'abc' }, mentions: 'PORT', value: 'abc' },
  { name: 'PORT=70000 (out of range)', env: { PORT: '70000' }, mentions: 'PORT', value: '70000' },
  { name: 'PORT=-1', env: { PORT: '-1' }, mentions: 'PORT', value: '-1' },
  { name: 'PORT=80x (trailing garbage)', env: { PORT: '80x' }, mentions: 'PORT', value: '80x' },
  { name: 'DATABASE_URL=not a url', env: { DATABASE_URL: 'not a url' }, mentions: 'DATABASE_URL' },
  { name: 'DATABASE_URL=mysql://x (unsupported scheme)', env: { DATABASE_URL: 'mysql://x' }, mentions: 'DATABASE_URL' },
  { name: 'REDIS_URL=not a url', env: { REDIS_URL: 'not a url' }, mentions: 'REDIS_URL' },
  { name: 'LOG_LEVEL=loud', env: { LOG_LEVEL: 'loud' }, mentions: 'LOG_LEVEL', value: 'loud' },
  { name: 'LOG_FORMAT=xml', env: { LOG_FORMAT: 'xml' }, mentions: 'LOG_FORMAT', value: 'xml' },
  { name: 'APP_ENV=staging (unknown mode)', env: { APP_ENV: 'staging' }, mentions: 'APP_ENV', value: 'staging' },
  { name: 'THREADS=many', env: { THREADS: 'many' }, mentions: 'THREADS', value: 'many' },
  { name: 'HTTP_HEADER_TIMEOUT=soon', env: { HTTP_HEADER_TIMEOUT: 'soon' }, mentions: 'HTTP_HEADER_TIMEOUT', value: 'soon' },
  { name: '--port abc (flag)', args: ['--port', 'abc'], mentions: /PORT|--port/, value: 'abc' },
  { name: '--database-url mysql://x (flag)', args: ['--database-url', 'mysql://x'], mentions: /DATABASE_URL|--database-url/ },
  { name: '--log-level loud (flag)', args: ['--log-level', 'loud'], mentions: /LOG_LEVEL|--log-level/, value: 'loud' },
];

for (const c of invalid) {
  test(`CONF-4: ${c.name} stops start-up: exit 2, one stderr line naming the variable, nothing on stdout`, T, async () => {
    const r = await runChatd(c.args ?? [], c.env ?? {});
    assert.equal(r.timedOut, false, `chatd kept running with an invalid value; stdout: ${r.stdout.slice(0, 500)}`);
    assert.equal(r.signal, null, `must exit by itself, not by signal ${r.signal}`);
    assert.equal(r.code, 2, `exit code; stderr: ${r.stderr}`);
    assert.equal(r.stdout, '', 'nothing is printed on stdout (and in particular no "listening" line)');
    assert.ok(r.stderr.endsWith('\n'), 'stderr line is newline-terminated');
    const stderrLines = r.stderr.replace(/\n$/, '').split('\n');
    assert.equal(stderrLines.length, 1, `exactly one stderr line, got: ${JSON.stringify(r.stderr)}`);
    const line = stderrLines[0];
    assert.ok(line.trim().length > 10, 'the line says something');
    if (c.mentions instanceof RegExp) assert.match(line, c.mentions, 'names the setting');
    else assert.ok(line.includes(c.mentions), `names ${c.mentions}: ${line}`);
    if (c.value) assert.ok(line.includes(c.value), `quotes the rejected value ${c.value}: ${line}`);
    assert.deepEqual(r.dataDirEntries, [], 'nothing half-starts: DATA_DIR stays empty');
  });
}

test('CONF-4: an unknown flag stops start-up with a non-zero exit and names the flag', T, async () => {
  const r = await runChatd(['--no-such-flag']);
  assert.equal(r.timedOut, false, 'chatd kept running with an unknown flag');
  assert.notEqual(r.code, 0);
  assert.equal(r.code !== null, true, 'exited by itself');
  assert.ok(r.stderr.includes('--no-such-flag'), `stderr names the flag: ${r.stderr}`);
  assert.ok(!r.stdout.includes('"listening"'), 'never listened');
});

test('CONF-1: flags override environment variables (--port, --host)', T, async (t) => {
  const envPort = await freePort();
  let flagPort = await freePort();
  while (flagPort === envPort) flagPort = await freePort();
  const srv = await startChatd({
    t,
    env: { PORT: String(envPort), HOST: '0.0.0.0' },
    args: ['--port', String(flagPort), '--host', '127.0.0.1'],
  });
  assert.equal(srv.listening.port, flagPort, 'listening line reports the --port value');
  assert.equal(srv.listening.host, '127.0.0.1', 'listening line reports the --host value');
  const res = await get(`http://127.0.0.1:${flagPort}/healthz`);
  assert.equal(res.status, 200);
  await res.arrayBuffer();
  await assert.rejects(
    get(`http://127.0.0.1:${envPort}/healthz`, {}, 2000),
    'nothing listens on the PORT from the environment',
  );
});

test('CONF-1: a valid flag wins over an invalid environment value (PORT=abc --port 0)', T, async (t) => {
  const srv = await startChatd({ t, env: { PORT: 'abc' }, args: ['--port', '0'] });
  assert.ok(Number.isInteger(srv.port) && srv.port > 0, `bound an ephemeral port, got ${srv.port}`);
  const res = await get(`${srv.url}/healthz`);
  assert.equal(res.status, 200);
  await res.arrayBuffer();
});

test('CONF-1: PORT=0 binds an ephemeral port reported in the listening line', T, async (t) => {
  const srv = await startChatd({ t });
  assert.equal(typeof srv.listening.port, 'number', 'port is a JSON number');
  assert.ok(srv.listening.port > 0 && srv.listening.port < 65536);
  assert.equal(srv.listening.host, '127.0.0.1');
  const res = await get(`${srv.url}/healthz`);
  assert.equal(res.status, 200);
  await res.arrayBuffer();
});
