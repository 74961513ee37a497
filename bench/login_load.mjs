// Login benchmark (issue 5, AUTH-2): logins/s with 32 clients logging in continuously,
// and what that load does to everyone else: `{ hello }` p99 latency on other
// connections, measured at a fixed rate without the load and then with it, in the same
// run against the same chatd. bcrypt runs on the hasher's own low-priority threads, so
// the network threads should keep answering (target: p99 under load at most 2x).
//
//   node bench/login_load.mjs --chatd build/release/chatd [--duration 10] [--clients 32]
//        [--rate 400] [--probes 4]
//
// Prints one JSON object: { loginsPerSecond, loginP50Ms, loginP99Ms, helloP99IdleMs,
// helloP99LoadedMs, helloP50IdleMs, helloP50LoadedMs, ratio, ... }. Only Node built-ins.

import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';

const args = Object.fromEntries(
  process.argv.slice(2).reduce((acc, a, i, all) => (a.startsWith('--') ? [...acc, [a.slice(2), all[i + 1]]] : acc), []),
);
const chatdBin = path.resolve(args.chatd ?? 'build/release/chatd');
const duration = Number(args.duration ?? 10) * 1000;
const clients = Number(args.clients ?? 32);
const rate = Number(args.rate ?? 400);    // { hello } requests/s in all
const probes = Number(args.probes ?? 4);  // connections carrying them

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
const quantile = (xs, q) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length ? s[Math.min(s.length - 1, Math.floor(q * s.length))] : NaN;
};

async function startChatd() {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'login-bench-'));
  const proc = spawn(chatdBin, [], {
    env: { PATH: process.env.PATH, PORT: '0', HOST: '127.0.0.1', DATA_DIR: dataDir, LOG_LEVEL: 'warn', LOG_FORMAT: 'json' },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  // LOG_LEVEL=warn hides the "listening" line: find the port from /proc instead.
  const port = await new Promise((resolve, reject) => {
    const deadline = Date.now() + 20_000;
    const poll = async () => {
      try {
        const { readFileSync, readlinkSync, readdirSync } = await import('node:fs');
        const inodes = new Set(readdirSync(`/proc/${proc.pid}/fd`).map((fd) => {
          try { return /socket:\[(\d+)\]/.exec(readlinkSync(`/proc/${proc.pid}/fd/${fd}`))?.[1]; } catch { return undefined; }
        }).filter(Boolean));
        for (const line of readFileSync('/proc/net/tcp', 'utf8').split('\n').slice(1)) {
          const f = line.trim().split(/\s+/);
          if (f.length > 9 && f[3] === '0A' && inodes.has(f[9])) return resolve(parseInt(f[1].split(':')[1], 16));
        }
      } catch { /* not yet */ }
      if (Date.now() > deadline) return reject(new Error('chatd did not start listening'));
      setTimeout(poll, 50);
    };
    poll();
  });
  return { proc, port, dataDir };
}

function post(agent, port, body, headers = {}) {
  return new Promise((resolve, reject) => {
    const data = Buffer.from(JSON.stringify(body));
    const req = http.request({
      host: '127.0.0.1', port, path: '/graphql', method: 'POST', agent,
      headers: { 'content-type': 'application/json', 'content-length': data.length, ...headers },
    }, (res) => {
      const chunks = [];
      res.on('data', (c) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode, text: Buffer.concat(chunks).toString() }));
    });
    req.on('error', reject);
    req.end(data);
  });
}

/** `{ hello }` at `rate` requests/s over `probes` keep-alive connections for `ms`. */
async function probeHello(port, ms) {
  const latencies = [];
  const interval = (1000 * probes) / rate;
  const end = Date.now() + ms;
  await Promise.all(Array.from({ length: probes }, async (_, i) => {
    const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
    await sleep((interval * i) / probes);
    let next = performance.now();
    while (Date.now() < end) {
      const t0 = performance.now();
      const r = await post(agent, port, { query: '{ hello }' });
      latencies.push(performance.now() - t0);
      if (r.status !== 200) throw new Error(`hello: ${r.status} ${r.text}`);
      next += interval;
      const wait = next - performance.now();
      if (wait > 0) await sleep(wait);
    }
    agent.destroy();
  }));
  return latencies;
}

/** 32 clients logging in back to back until `stop()`; answers their latencies. */
function loginLoad(port, email, password) {
  let running = true;
  const latencies = [];
  let failures = 0;
  const done = Promise.all(Array.from({ length: clients }, async () => {
    const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
    while (running) {
      const t0 = performance.now();
      const r = await post(agent, port, {
        query: 'mutation($i: LogInInput!) { login(LogInInput: $i) { user { id } } }',
        variables: { i: { email, password } },
      });
      if (r.status === 200 && r.text.includes('"login":{')) latencies.push(performance.now() - t0);
      else failures += 1;
    }
    agent.destroy();
  }));
  return { latencies, failures: () => failures, stop: async () => { running = false; await done; } };
}

const { proc, port, dataDir } = await startChatd();
try {
  const email = 'bench@example.com';
  const password = 'password123';
  const reg = await post(undefined, port, {
    query: 'mutation($i: RegisterInput!) { register(RegisterInput: $i) { user { id } } }',
    variables: { i: { fullname: 'Bench Fan', email, password, confirmPassword: password } },
  });
  if (!reg.text.includes('"register":{')) throw new Error(`register: ${reg.text}`);

  await probeHello(port, 1500);  // warm-up
  const idle = await probeHello(port, duration);

  const load = loginLoad(port, email, password);
  await sleep(1000);  // the load reaches its steady state
  const startCount = load.latencies.length;
  const t0 = performance.now();
  const loaded = await probeHello(port, duration);
  const seconds = (performance.now() - t0) / 1000;
  const logins = load.latencies.length - startCount;
  await load.stop();

  const result = {
    clients,
    durationS: Number(seconds.toFixed(1)),
    helloRate: rate,
    loginsPerSecond: Number((logins / seconds).toFixed(1)),
    loginP50Ms: Number(quantile(load.latencies, 0.5).toFixed(1)),
    loginP99Ms: Number(quantile(load.latencies, 0.99).toFixed(1)),
    loginFailures: load.failures(),
    helloIdleCount: idle.length,
    helloLoadedCount: loaded.length,
    helloP50IdleMs: Number(quantile(idle, 0.5).toFixed(3)),
    helloP99IdleMs: Number(quantile(idle, 0.99).toFixed(3)),
    helloP50LoadedMs: Number(quantile(loaded, 0.5).toFixed(3)),
    helloP99LoadedMs: Number(quantile(loaded, 0.99).toFixed(3)),
  };
  result.ratio = Number((result.helloP99LoadedMs / result.helloP99IdleMs).toFixed(2));
  console.log(JSON.stringify(result));
} finally {
  proc.kill('SIGTERM');
  await new Promise((r) => proc.once('exit', r));
  rmSync(dataDir, { recursive: true, force: true });
}
