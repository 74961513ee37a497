// Helpers for end-to-end tests of the chatd binary.
//
// - startChatd(): spawn a server on an ephemeral port with a fresh DATA_DIR and
//   wait for its "listening" log line.
// - runChatd(): run a short-lived invocation (--help, --version, bad config).
// - tempDir(): a temp dir removed at exit (a DATA_DIR shared by several invocations).
// - RawConn / rawExchange(): byte-level HTTP/1.1 client for limit and protocol tests.
// - Prometheus text helpers for /metrics.
//
// Only Node built-ins are used.

import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, existsSync, readdirSync } from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { EventEmitter } from 'node:events';

const here = path.dirname(fileURLToPath(import.meta.url));
const e2eDir = path.resolve(here, '..');

/** Absolute path of the binary under test. */
export const CHATD_BIN = process.env.CHATD_BIN
  ? path.resolve(process.env.CHATD_BIN)
  : path.resolve(e2eDir, '../../build/release/chatd');

export const ISO_MS_UTC = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;
export const UUID_V4 = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/i;

export const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

// ---------------------------------------------------------------------------
// process bookkeeping: nothing may outlive the test file

const liveProcs = new Set();
const tempDirs = new Set();

process.on('exit', () => {
  for (const p of liveProcs) {
    try { p.kill('SIGKILL'); } catch { /* already gone */ }
  }
  for (const d of tempDirs) {
    try { rmSync(d, { recursive: true, force: true }); } catch { /* ignore */ }
  }
});

function makeTempDir() {
  const base = process.env.E2E_TMPDIR || os.tmpdir();
  const dir = mkdtempSync(path.join(base, 'chatd-e2e-'));
  tempDirs.add(dir);
  return dir;
}

/**
 * A fresh temp dir, removed when the test process exits (for tests that run several
 * chatd invocations on one DATA_DIR: pass it as `DATA_DIR` in env).
 */
export function tempDir() {
  return makeTempDir();
}

function removeTempDir(dir) {
  if (!dir) return;
  try { rmSync(dir, { recursive: true, force: true }); } catch { /* ignore */ }
  tempDirs.delete(dir);
}

/**
 * A minimal, hermetic environment: nothing from the developer's shell (PORT,
 * DATABASE_URL, ...) leaks into the server except what is listed here.
 * E2E_DATABASE_URL / E2E_REDIS_URL select PostgreSQL / Redis (MODE-3). RATE_LIMITS is
 * `off` unless `extra` says otherwise.
 * A key whose value is `undefined` in `extra` is removed.
 */
export function baseEnv(dataDir, extra = {}) {
  const env = {
    PATH: process.env.PATH ?? '/usr/bin:/bin',
    HOME: process.env.HOME ?? os.tmpdir(),
    LANG: 'C.UTF-8',
    PORT: '0',
    HOST: '127.0.0.1',
    DATA_DIR: dataDir,
    // Tests send many operations from one address: limits are off unless a test turns
    // them on (RATE_LIMITS: undefined for the built-in RL-1 defaults, or a file).
    RATE_LIMITS: 'off',
  };
  for (const k of ['ASAN_OPTIONS', 'UBSAN_OPTIONS', 'LSAN_OPTIONS', 'TSAN_OPTIONS', 'LLVM_PROFILE_FILE']) {
    if (process.env[k] !== undefined) env[k] = process.env[k];
  }
  if (process.env.E2E_DATABASE_URL) env.DATABASE_URL = process.env.E2E_DATABASE_URL;
  if (process.env.E2E_REDIS_URL) env.REDIS_URL = process.env.E2E_REDIS_URL;
  for (const [k, v] of Object.entries(extra)) {
    if (v === undefined) delete env[k];
    else env[k] = String(v);
  }
  return env;
}

/** A port that was free a moment ago (for tests that must name a port). */
export function freePort() {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.unref();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address();
      srv.close(() => resolve(port));
    });
  });
}

// ---------------------------------------------------------------------------
// stdout line splitting that keeps track of raw bytes (for UTF-8 validation)

const strictUtf8 = new TextDecoder('utf-8', { fatal: true });

class LineSplitter {
  constructor(onLine) {
    this.pending = Buffer.alloc(0);
    this.onLine = onLine;
  }
  push(chunk) {
    this.pending = this.pending.length ? Buffer.concat([this.pending, chunk]) : chunk;
    let idx;
    while ((idx = this.pending.indexOf(0x0a)) !== -1) {
      const raw = this.pending.subarray(0, idx);
      this.pending = this.pending.subarray(idx + 1);
      this.onLine(raw, true);
    }
  }
  end() {
    if (this.pending.length) this.onLine(this.pending, false);
    this.pending = Buffer.alloc(0);
  }
}

// ---------------------------------------------------------------------------
// long-running server

/**
 * Start chatd on an ephemeral port.
 *
 * @param {object} [opts]
 * @param {object} [opts.env]   extra environment (value undefined removes a key)
 * @param {string[]} [opts.args] extra command-line arguments
 * @param {import('node:test').TestContext} [opts.t] registers cleanup with t.after
 * @param {'json'|'pretty'} [opts.format] 'pretty': the port is chosen up front and
 *        readiness is a raw stdout line mentioning "listening"
 * @param {number} [opts.startTimeout]
 */
export async function startChatd(opts = {}) {
  const { env: extraEnv = {}, args = [], t, format = 'json', startTimeout = 10_000 } = opts;
  if (!existsSync(CHATD_BIN)) {
    throw new Error(`chatd binary not found at ${CHATD_BIN} (set CHATD_BIN)`);
  }
  const dataDir = makeTempDir();
  let fixedPort;
  const envExtra = { ...extraEnv };
  if (format === 'pretty' && envExtra.PORT === undefined) {
    fixedPort = await freePort();
    envExtra.PORT = String(fixedPort);
  }
  const env = baseEnv(dataDir, envExtra);

  const proc = spawn(CHATD_BIN, args, { env, stdio: ['ignore', 'pipe', 'pipe'] });
  liveProcs.add(proc);

  const events = new EventEmitter();
  events.setMaxListeners(0);
  const lines = []; // every stdout line, as text (lenient UTF-8 decode)
  const logs = []; // every stdout line that parsed as a JSON object
  const badJson = []; // lines that did not parse as JSON
  const badUtf8 = []; // lines whose bytes are not valid UTF-8
  let unterminated = null; // trailing bytes without '\n' at exit
  let stderr = '';

  const splitter = new LineSplitter((raw, terminated) => {
    const text = raw.toString('utf8');
    if (!terminated) unterminated = text;
    try { strictUtf8.decode(raw); } catch { badUtf8.push(text); }
    lines.push(text);
    let obj;
    try {
      obj = JSON.parse(text);
    } catch {
      badJson.push(text);
    }
    if (obj !== undefined && obj !== null && typeof obj === 'object' && !Array.isArray(obj)) {
      logs.push(obj);
      events.emit('log', obj);
    } else if (obj !== undefined) {
      badJson.push(text);
    }
    events.emit('line', text);
  });
  proc.stdout.on('data', (c) => splitter.push(c));
  proc.stdout.on('end', () => splitter.end());
  proc.stderr.setEncoding('utf8');
  proc.stderr.on('data', (c) => { stderr += c; });

  let exitInfo = null;
  let exitAnnounced = false;
  const exited = new Promise((resolve) => {
    proc.on('exit', (code, signal) => {
      exitInfo = { code, signal, at: Date.now() };
      liveProcs.delete(proc);
      // give stdout a moment to drain before announcing the exit
      const done = () => {
        if (exitAnnounced) return;
        exitAnnounced = true;
        events.emit('exit', exitInfo);
        resolve(exitInfo);
      };
      if (proc.stdout.readableEnded) done();
      else {
        const timer = setTimeout(done, 1000);
        proc.stdout.once('end', () => { clearTimeout(timer); setImmediate(done); });
      }
    });
  });

  function waitForLog(pred, ms = 5000) {
    const found = logs.find((l) => safePred(pred, l));
    if (found) return Promise.resolve(found);
    if (exitAnnounced) return Promise.reject(new Error(`chatd has exited; no matching log line; stderr: ${stderr.trim()}`));
    return new Promise((resolve, reject) => {
      const onLog = (l) => {
        if (safePred(pred, l)) { cleanup(); resolve(l); }
      };
      const onExit = () => {
        cleanup();
        reject(new Error(`chatd exited before a matching log line appeared; stderr: ${stderr.trim()}`));
      };
      const timer = setTimeout(() => {
        cleanup();
        const bad = badJson.length ? `\nstdout lines that are not JSON objects:\n${badJson.slice(-5).join('\n')}` : '';
        reject(new Error(`no matching log line within ${ms} ms; last lines:\n${lines.slice(-5).join('\n')}${bad}`));
      }, ms);
      const cleanup = () => {
        clearTimeout(timer);
        events.off('log', onLog);
        events.off('exit', onExit);
      };
      events.on('log', onLog);
      events.once('exit', onExit);
    });
  }

  function waitForLine(pred, ms = 5000) {
    const found = lines.find((l) => safePred(pred, l));
    if (found !== undefined) return Promise.resolve(found);
    if (exitAnnounced) return Promise.reject(new Error(`chatd has exited; no matching stdout line; stderr: ${stderr.trim()}`));
    return new Promise((resolve, reject) => {
      const onLine = (l) => {
        if (safePred(pred, l)) { cleanup(); resolve(l); }
      };
      const onExit = () => {
        cleanup();
        reject(new Error(`chatd exited before a matching stdout line appeared; stderr: ${stderr.trim()}`));
      };
      const timer = setTimeout(() => {
        cleanup();
        reject(new Error(`no matching stdout line within ${ms} ms; last lines:\n${lines.slice(-5).join('\n')}`));
      }, ms);
      const cleanup = () => {
        clearTimeout(timer);
        events.off('line', onLine);
        events.off('exit', onExit);
      };
      events.on('line', onLine);
      events.once('exit', onExit);
    });
  }

  async function killHard() {
    if (exitInfo) return exitInfo;
    try { proc.kill('SIGKILL'); } catch { /* ignore */ }
    return exited;
  }

  let cleaned = false;
  async function cleanup() {
    if (cleaned) return;
    cleaned = true;
    await killHard();
    removeTempDir(dataDir);
  }
  if (t && typeof t.after === 'function') t.after(cleanup);

  // --- wait for readiness
  let listening;
  try {
    listening = await Promise.race([
      format === 'pretty'
        ? waitForLine((l) => /listening/i.test(l), startTimeout).then((line) => ({ line }))
        : waitForLog((l) => l.context === 'http' && l.message === 'listening', startTimeout),
      exited.then((info) => {
        throw new Error(
          `chatd exited during start-up (code ${info.code}, signal ${info.signal}); stderr:\n${stderr}\nstdout:\n${lines.join('\n')}`,
        );
      }),
    ]);
  } catch (err) {
    await cleanup();
    throw err;
  }

  const port = format === 'pretty' ? fixedPort ?? Number(envExtra.PORT) : Number(listening.port);
  const host = '127.0.0.1';

  return {
    proc,
    pid: proc.pid,
    port,
    host,
    url: `http://${host}:${port}`,
    dataDir,
    listening,
    lines,
    logs,
    badJson,
    badUtf8,
    get unterminated() { return unterminated; },
    get stderr() { return stderr; },
    get exitInfo() { return exitInfo; },
    exited,
    waitForLog,
    waitForLine,
    /** access-log lines ("request completed") */
    accessLogs: () => logs.filter((l) => l.context === 'http' && l.message === 'request completed'),
    /**
     * Send `signal` and wait for exit; returns the exit code (null when the
     * process was killed by a signal). After `timeoutMs` it is SIGKILLed and
     * an error is thrown.
     */
    async stop(signal = 'SIGTERM', timeoutMs = 10_000) {
      if (!exitInfo) {
        try { proc.kill(signal); } catch { /* ignore */ }
      }
      const res = await Promise.race([exited, sleep(timeoutMs).then(() => null)]);
      if (!res) {
        await killHard();
        throw new Error(`chatd did not exit within ${timeoutMs} ms of ${signal}`);
      }
      return res.code;
    },
    killHard,
    cleanup,
  };
}

function safePred(pred, v) {
  try { return !!pred(v); } catch { return false; }
}

// ---------------------------------------------------------------------------
// short-lived invocations

/**
 * Run chatd to completion (for --help, --version, invalid configuration).
 * If it is still running after `timeout` ms it is killed and `timedOut` is true.
 */
export async function runChatd(args = [], env = {}, { timeout = 5000 } = {}) {
  if (!existsSync(CHATD_BIN)) {
    throw new Error(`chatd binary not found at ${CHATD_BIN} (set CHATD_BIN)`);
  }
  const dataDir = makeTempDir();
  const proc = spawn(CHATD_BIN, args, {
    env: baseEnv(dataDir, env),
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  liveProcs.add(proc);
  let stdout = '';
  let stderr = '';
  proc.stdout.setEncoding('utf8');
  proc.stderr.setEncoding('utf8');
  proc.stdout.on('data', (c) => { stdout += c; });
  proc.stderr.on('data', (c) => { stderr += c; });
  let timedOut = false;
  const timer = setTimeout(() => {
    timedOut = true;
    try { proc.kill('SIGKILL'); } catch { /* ignore */ }
  }, timeout);
  const [code, signal] = await new Promise((resolve) => {
    proc.on('close', (c, s) => resolve([c, s]));
  });
  clearTimeout(timer);
  liveProcs.delete(proc);
  let dataDirEntries = [];
  try { dataDirEntries = readdirSync(dataDir); } catch { /* removed */ }
  removeTempDir(dataDir);
  return { code, signal, stdout, stderr, timedOut, dataDirEntries };
}

// ---------------------------------------------------------------------------
// raw HTTP/1.1

/**
 * Try to parse one HTTP/1.x response at the start of `buf`.
 * Returns { response, consumed } or null when more bytes are needed.
 * With `eof` true, a response without framing takes the rest of the buffer.
 */
export function parseResponse(buf, { eof = false, requestMethod = 'GET' } = {}) {
  const headEnd = buf.indexOf('\r\n\r\n');
  if (headEnd === -1) return null;
  const head = buf.subarray(0, headEnd).toString('latin1');
  const [statusLine, ...headerLines] = head.split('\r\n');
  const m = /^HTTP\/(\d\.\d) (\d{3})(?: (.*))?$/.exec(statusLine);
  if (!m) throw new Error(`bad status line: ${JSON.stringify(statusLine)}`);
  const status = Number(m[2]);
  const headers = {};
  const rawHeaders = [];
  for (const line of headerLines) {
    const i = line.indexOf(':');
    if (i <= 0) throw new Error(`bad header line: ${JSON.stringify(line)}`);
    const name = line.slice(0, i).trim().toLowerCase();
    const value = line.slice(i + 1).trim();
    rawHeaders.push([name, value]);
    headers[name] = headers[name] !== undefined ? `${headers[name]}, ${value}` : value;
  }
  let pos = headEnd + 4;
  let body;
  const noBody = requestMethod === 'HEAD' || (status >= 100 && status < 200) || status === 204 || status === 304;
  if (noBody) {
    body = Buffer.alloc(0);
  } else if (headers['transfer-encoding'] && /chunked/i.test(headers['transfer-encoding'])) {
    const parts = [];
    for (;;) {
      const lineEnd = buf.indexOf('\r\n', pos);
      if (lineEnd === -1) return null;
      const size = parseInt(buf.subarray(pos, lineEnd).toString('latin1').split(';')[0].trim(), 16);
      if (Number.isNaN(size)) throw new Error('bad chunk size');
      pos = lineEnd + 2;
      if (size === 0) {
        // trailers until empty line
        for (;;) {
          const tEnd = buf.indexOf('\r\n', pos);
          if (tEnd === -1) return null;
          const isEmpty = tEnd === pos;
          pos = tEnd + 2;
          if (isEmpty) break;
        }
        break;
      }
      if (buf.length < pos + size + 2) return null;
      parts.push(buf.subarray(pos, pos + size));
      pos += size + 2;
    }
    body = Buffer.concat(parts);
  } else if (headers['content-length'] !== undefined) {
    const len = Number(headers['content-length']);
    if (!Number.isInteger(len) || len < 0) throw new Error(`bad content-length ${headers['content-length']}`);
    if (buf.length < pos + len) return null;
    body = buf.subarray(pos, pos + len);
    pos += len;
  } else {
    if (!eof) return null;
    body = buf.subarray(pos);
    pos = buf.length;
  }
  const bodyCopy = Buffer.from(body);
  return {
    consumed: pos,
    response: {
      httpVersion: m[1],
      status,
      statusText: m[3] ?? '',
      headers,
      rawHeaders,
      body: bodyCopy,
      text: () => bodyCopy.toString('utf8'),
      json: () => JSON.parse(bodyCopy.toString('utf8')),
    },
  };
}

/** A raw TCP connection with an HTTP/1.x response reader. */
export class RawConn {
  static connect(port, host = '127.0.0.1', ms = 5000) {
    return new Promise((resolve, reject) => {
      const socket = net.connect({ port, host });
      const timer = setTimeout(() => {
        socket.destroy();
        reject(new Error(`connect to ${host}:${port} timed out`));
      }, ms);
      socket.once('connect', () => {
        clearTimeout(timer);
        socket.removeListener('error', onErr);
        resolve(new RawConn(socket));
      });
      const onErr = (err) => { clearTimeout(timer); reject(err); };
      socket.once('error', onErr);
    });
  }

  constructor(socket) {
    this.socket = socket;
    this.buf = Buffer.alloc(0);
    this.ended = false; // peer sent FIN
    this.closed = false; // socket fully closed
    this.error = null;
    this.closedAt = null;
    this.destroyedByUs = false;
    this.events = new EventEmitter();
    socket.setNoDelay(true);
    socket.on('data', (d) => {
      this.buf = Buffer.concat([this.buf, d]);
      this.events.emit('change');
    });
    socket.on('end', () => {
      this.ended = true;
      this.closedAt ??= Date.now();
      this.events.emit('change');
    });
    socket.on('error', (err) => {
      this.error = err;
      this.closedAt ??= Date.now();
      this.events.emit('change');
    });
    socket.on('close', () => {
      this.closed = true;
      this.closedAt ??= Date.now();
      this.events.emit('change');
    });
  }

  /** true once the peer closed or reset the connection */
  get peerClosed() {
    return this.ended || (this.closed && !this.destroyedByUs) || !!this.error;
  }

  /** Write bytes; resolves true when flushed, false if the socket failed. */
  write(data) {
    return new Promise((resolve) => {
      if (this.socket.destroyed || !this.socket.writable) return resolve(false);
      this.socket.write(data, (err) => resolve(!err));
    });
  }

  _waitChange(deadline) {
    return new Promise((resolve) => {
      const left = deadline - Date.now();
      if (left <= 0) return resolve(false);
      const timer = setTimeout(() => { this.events.off('change', on); resolve(false); }, left);
      const on = () => { clearTimeout(timer); resolve(true); };
      this.events.once('change', on);
    });
  }

  /** Read the next full response (rejects on timeout or early close). */
  async readResponse(ms = 5000, { requestMethod = 'GET' } = {}) {
    const deadline = Date.now() + ms;
    for (;;) {
      const eof = this.peerClosed || this.closed;
      const parsed = parseResponse(this.buf, { eof, requestMethod });
      if (parsed) {
        this.buf = this.buf.subarray(parsed.consumed);
        return parsed.response;
      }
      if (eof) {
        throw new Error(
          `connection closed before a full response (${this.error ? this.error.code : 'EOF'}); received ${this.buf.length} bytes: ${JSON.stringify(this.buf.subarray(0, 200).toString('latin1'))}`,
        );
      }
      if (!(await this._waitChange(deadline))) {
        throw new Error(
          `no full response within ${ms} ms; received ${this.buf.length} bytes: ${JSON.stringify(this.buf.subarray(0, 200).toString('latin1'))}`,
        );
      }
    }
  }

  /** Resolves true if the peer closed the connection within `ms`. */
  async waitPeerClose(ms) {
    const deadline = Date.now() + ms;
    while (!this.peerClosed) {
      if (!(await this._waitChange(deadline))) return this.peerClosed;
    }
    return true;
  }

  destroy() {
    this.destroyedByUs = true;
    this.socket.destroy();
  }
}

/**
 * Open a connection, write `data` (string/Buffer, or an array written in order),
 * read one response, and close. Returns { response, conn }.
 */
export async function rawExchange(port, data, { timeout = 5000, requestMethod = 'GET' } = {}) {
  const conn = await RawConn.connect(port);
  try {
    for (const part of Array.isArray(data) ? data : [data]) await conn.write(part);
    const response = await conn.readResponse(timeout, { requestMethod });
    return { response, conn };
  } finally {
    conn.destroy();
  }
}

/** A minimal well-formed request. */
export function httpRequest(method, target, headers = {}, body = '') {
  const lines = [`${method} ${target} HTTP/1.1`, 'Host: 127.0.0.1'];
  for (const [k, v] of Object.entries(headers)) lines.push(`${k}: ${v}`);
  if (body.length && !Object.keys(headers).some((k) => /^(content-length|transfer-encoding)$/i.test(k))) {
    lines.push(`Content-Length: ${Buffer.byteLength(body)}`);
  }
  return Buffer.concat([Buffer.from(lines.join('\r\n') + '\r\n\r\n', 'latin1'), Buffer.from(body)]);
}

/** fetch with a timeout */
export function get(url, init = {}, ms = 5000) {
  return fetch(url, { ...init, signal: AbortSignal.timeout(ms) });
}

// ---------------------------------------------------------------------------
// Prometheus text format

/**
 * Parse Prometheus text exposition format 0.0.4.
 * Returns { samples: [{name, labels, value}], types: Map(name->type), help: Map, errors: [line] }.
 */
export function parsePrometheus(text) {
  const samples = [];
  const types = new Map();
  const help = new Map();
  const errors = [];
  const sampleRe = /^([a-zA-Z_:][a-zA-Z0-9_:]*)(\{(.*)\})?\s+(\S+)(\s+-?\d+)?$/;
  for (const line of text.split('\n')) {
    if (line.trim() === '') continue;
    if (line.startsWith('#')) {
      const mt = /^# TYPE ([a-zA-Z_:][a-zA-Z0-9_:]*) (counter|gauge|histogram|summary|untyped)$/.exec(line);
      const mh = /^# HELP ([a-zA-Z_:][a-zA-Z0-9_:]*) (.*)$/.exec(line);
      if (mt) types.set(mt[1], mt[2]);
      else if (mh) help.set(mh[1], mh[2]);
      continue;
    }
    const m = sampleRe.exec(line);
    if (!m) { errors.push(line); continue; }
    const labels = {};
    if (m[3] !== undefined && m[3].length) {
      const labelRe = /\s*([a-zA-Z_][a-zA-Z0-9_]*)="((?:[^"\\]|\\.)*)"\s*(,|$)/y;
      let rest = m[3];
      labelRe.lastIndex = 0;
      let ok = true;
      while (labelRe.lastIndex < rest.length) {
        const lm = labelRe.exec(rest);
        if (!lm) { ok = false; break; }
        labels[lm[1]] = lm[2].replace(/\\n/g, '\n').replace(/\\"/g, '"').replace(/\\\\/g, '\\');
      }
      if (!ok) { errors.push(line); continue; }
    }
    const v = m[4];
    const value = v === '+Inf' ? Infinity : v === '-Inf' ? -Infinity : v === 'NaN' ? NaN : Number(v);
    if (Number.isNaN(value) && v !== 'NaN') { errors.push(line); continue; }
    samples.push({ name: m[1], labels, value });
  }
  return { samples, types, help, errors };
}

/** Value of the first sample named `name` whose labels include `labels`, else undefined. */
export function metricValue(parsed, name, labels = {}) {
  const s = parsed.samples.find(
    (x) => x.name === name && Object.entries(labels).every(([k, v]) => x.labels[k] === v),
  );
  return s ? s.value : undefined;
}

export async function scrape(url) {
  const res = await get(`${url}/metrics`);
  const text = await res.text();
  return { res, text, parsed: parsePrometheus(text) };
}
