// A private redis-server for end-to-end tests (MODE-2, CACHE-2, RL-2): started on a free
// loopback port in a temp dir, stoppable and restartable on the same port, killed when
// the test process exits. Debian's redis-server (scripts/deps.sh --test installs it).

import { spawn, execFileSync } from 'node:child_process';
import { freePort, tempDir, sleep } from './chatd.mjs';

const live = new Set();
process.on('exit', () => {
  for (const p of live) {
    try { p.kill('SIGKILL'); } catch { /* gone */ }
  }
});

export function redisAvailable() {
  try {
    execFileSync('redis-server', ['--version'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

async function ping(port) {
  try {
    return execFileSync('redis-cli', ['-p', String(port), 'ping'], { encoding: 'utf8', timeout: 2000 }).trim() === 'PONG';
  } catch {
    return false;
  }
}

/** Starts redis-server; `stop()` kills it, `start()` brings it back on the same port. */
export async function startRedis({ t } = {}) {
  const port = await freePort();
  const dir = tempDir();
  let proc = null;
  const redis = {
    port,
    url: `redis://127.0.0.1:${port}/0`,
    async start() {
      proc = spawn('redis-server', ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no', '--dir', dir], { stdio: 'ignore' });
      live.add(proc);
      for (let i = 0; i < 100; i += 1) {
        if (await ping(port)) return;
        await sleep(50);
      }
      throw new Error(`redis-server did not start on ${port}`);
    },
    async stop() {
      if (!proc) return;
      const p = proc;
      proc = null;
      const gone = new Promise((r) => p.once('exit', r));
      p.kill('SIGKILL');
      await gone;
      live.delete(p);
    },
  };
  await redis.start();
  t?.after(() => redis.stop());
  return redis;
}
