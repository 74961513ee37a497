// A private PostgreSQL cluster for one e2e test file (outage and restart tests, which
// must not stop a server other tests share).
//
//   const pg = await startPostgres({ t });   // initdb + start on 127.0.0.1:<free port>
//   await pg.createDatabase('chat');
//   const url = pg.url('chat');             // postgres://chat@127.0.0.1:<port>/chat
//   await pg.stop();                         // pg_ctl stop -m fast
//   await pg.start();                        // again, on the same port
//   await pg.destroy();                      // stop (immediate) and delete everything
//
// The cluster lives in a temp dir: `pg/` (unix socket, postgres.log) and `pg/data/`
// (the cluster). Trust authentication, loopback only, fsync left on. As root, initdb
// and pg_ctl run as the `postgres` user (runuser), which owns `pg/` (the same approach
// as scripts/test-services.sh). Whatever happens, the cluster is stopped
// and the dir removed when the test process exits.
//
// Environment: PG_BINDIR overrides the server bin dir (default: the newest
// /usr/lib/postgresql/<major>/bin holding initdb and pg_ctl).
//
// Only Node built-ins are used.

import { execFile, execFileSync } from 'node:child_process';
import { chmodSync, chownSync, existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, appendFileSync, writeFileSync, readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { freePort } from './chatd.mjs';

const PG_USER = 'chat'; // the database superuser initdb creates
const OS_USER = 'postgres'; // who runs the server when we are root
const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;

/** The PostgreSQL server bin dir (initdb, pg_ctl, createdb). */
export function pgBinDir() {
  if (process.env.PG_BINDIR) {
    if (!existsSync(path.join(process.env.PG_BINDIR, 'initdb'))) {
      throw new Error(`PG_BINDIR=${process.env.PG_BINDIR} has no initdb`);
    }
    return process.env.PG_BINDIR;
  }
  const root = '/usr/lib/postgresql';
  let majors = [];
  try { majors = readdirSync(root); } catch { /* none */ }
  const found = majors
    .filter((v) => /^\d+(\.\d+)?$/.test(v))
    .filter((v) => existsSync(path.join(root, v, 'bin', 'initdb')) && existsSync(path.join(root, v, 'bin', 'pg_ctl')))
    .sort((a, b) => Number(a) - Number(b));
  if (found.length === 0) throw new Error(`no PostgreSQL server under ${root}/<major>/bin (set PG_BINDIR)`);
  return path.join(root, found[found.length - 1], 'bin');
}

/** True when a PostgreSQL server can be run here (for `skip`). */
export function postgresAvailable() {
  try {
    pgBinDir();
  } catch {
    return false;
  }
  if (!isRoot) return true;
  try {
    execFileSync('id', ['-u', OS_USER], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

// Clusters still running when the process exits: stopped synchronously then.
const live = new Set();
process.on('exit', () => {
  for (const c of live) c.destroySync();
});

function run(cmd, args, { timeout = 60_000 } = {}) {
  return new Promise((resolve, reject) => {
    execFile(cmd, args, { cwd: '/', timeout, encoding: 'utf8' }, (err, stdout, stderr) => {
      if (err) {
        err.message = `${cmd} ${args.join(' ')}: ${err.message}\n${stdout}${stderr}`;
        reject(err);
      } else {
        resolve({ stdout, stderr });
      }
    });
  });
}

/** The command prefix that runs a server tool as the cluster's owner. */
function asPg(cmd, args) {
  return isRoot ? ['runuser', ['-u', OS_USER, '--', cmd, ...args]] : [cmd, args];
}

function osUserIds() {
  const uid = Number(execFileSync('id', ['-u', OS_USER], { encoding: 'utf8' }).trim());
  const gid = Number(execFileSync('id', ['-g', OS_USER], { encoding: 'utf8' }).trim());
  return { uid, gid };
}

/** A temp dir the server's user can traverse (root: a private TMPDIR will not do). */
function makeClusterDir() {
  const bases = [process.env.E2E_TMPDIR || os.tmpdir()];
  if (isRoot && bases[0] !== '/tmp') bases.push('/tmp');
  for (const base of bases) {
    const dir = mkdtempSync(path.join(base, 'chatd-pg-'));
    chmodSync(dir, 0o711);
    if (!isRoot) return dir;
    try {
      execFileSync('runuser', ['-u', OS_USER, '--', 'test', '-x', dir], { cwd: '/', stdio: 'ignore' });
      return dir;
    } catch {
      rmSync(dir, { recursive: true, force: true });
    }
  }
  throw new Error(`user ${OS_USER} cannot reach a temp dir (tried ${bases.join(', ')})`);
}

function hasUtf8CLocale() {
  try {
    return /^c\.utf-?8$/im.test(execFileSync('locale', ['-a'], { encoding: 'utf8' }));
  } catch {
    return false;
  }
}

/**
 * initdb a private cluster and start it on a free loopback port.
 *
 * @param {object} [opts]
 * @param {import('node:test').TestContext} [opts.t] registers destroy() with t.after
 */
export async function startPostgres({ t } = {}) {
  const bin = pgBinDir();
  const dir = makeClusterDir();
  const sockDir = path.join(dir, 'pg');
  const dataDir = path.join(sockDir, 'data');
  const logFile = path.join(sockDir, 'postgres.log');
  if (sockDir.length + 17 >= 108) throw new Error(`dir path too long for a unix socket: ${sockDir}`);
  mkdirSync(sockDir, { mode: 0o700 });
  if (isRoot) {
    const { uid, gid } = osUserIds();
    chownSync(sockDir, uid, gid);
  }

  let port = 0;
  let running = false;
  let destroyed = false;

  const pgCtl = (args, opts) => {
    const [cmd, full] = asPg(path.join(bin, 'pg_ctl'), ['-D', dataDir, ...args]);
    return run(cmd, full, opts);
  };

  const cluster = {
    dir,
    dataDir,
    socketDir: sockDir,
    logFile,
    host: '127.0.0.1',
    get port() { return port; },
    get running() { return running; },
    /** postgres://chat@127.0.0.1:<port>/<database> */
    url(database = 'postgres') {
      return `postgres://${PG_USER}@127.0.0.1:${port}/${database}`;
    },
    /** The server log so far (for failure messages). */
    log() {
      try { return readFileSync(logFile, 'utf8'); } catch { return ''; }
    },
    async createDatabase(name) {
      await run(path.join(bin, 'createdb'), ['-h', '127.0.0.1', '-p', String(port), '-U', PG_USER, '-O', PG_USER, '-E', 'UTF8', name]);
    },
    /** Starts the cluster (again) on its port; waits until it accepts connections. */
    async start() {
      if (running) return;
      await pgCtl(['-l', logFile, '-w', '-t', '30', '-s', 'start']);
      running = true;
    },
    /** pg_ctl stop -m <mode> (fast: disconnects clients, like a restart would). */
    async stop(mode = 'fast') {
      if (!running) return;
      await pgCtl(['-m', mode, '-w', '-t', '30', '-s', 'stop']);
      running = false;
    },
    async restart(mode = 'fast') {
      await cluster.stop(mode);
      await cluster.start();
    },
    async destroy() {
      if (destroyed) return;
      if (running) {
        try { await cluster.stop('immediate'); } catch { /* cleaned below */ }
      }
      cluster.destroySync();
    },
    destroySync() {
      if (destroyed) return;
      destroyed = true;
      live.delete(cluster);
      if (running || existsSync(path.join(dataDir, 'postmaster.pid'))) {
        try {
          const [cmd, full] = asPg(path.join(bin, 'pg_ctl'), ['-D', dataDir, '-m', 'immediate', '-w', '-t', '10', '-s', 'stop']);
          execFileSync(cmd, full, { cwd: '/', stdio: 'ignore', timeout: 15_000 });
        } catch { /* not running */ }
        running = false;
      }
      rmSync(dir, { recursive: true, force: true });
    },
  };
  live.add(cluster);
  if (t && typeof t.after === 'function') t.after(() => cluster.destroy());

  try {
    const locale = hasUtf8CLocale() ? '--locale=C.UTF-8' : '--no-locale';
    const [cmd, args] = asPg(path.join(bin, 'initdb'), ['-D', dataDir, '-A', 'trust', '-U', PG_USER, '--no-sync', '-E', 'UTF8', locale]);
    await run(cmd, args);
    // Trust on loopback only (we only listen there).
    writeFileSync(path.join(dataDir, 'pg_hba.conf'),
      '# tests/e2e/lib/postgres.mjs: private test cluster\n' +
      'local all all trust\n' +
      'host  all all 127.0.0.1/32 trust\n');
    // The port goes in the configuration, so a restart comes back on the same one.
    for (let attempt = 1; ; attempt++) {
      port = await freePort();
      appendFileSync(path.join(dataDir, 'postgresql.conf'),
        `\n# tests/e2e/lib/postgres.mjs (attempt ${attempt})\n` +
        "listen_addresses = '127.0.0.1'\n" +
        `unix_socket_directories = '${sockDir}'\n` +
        `port = ${port}\n`);
      try {
        await cluster.start();
        break;
      } catch (err) {
        if (attempt < 5 && /could not bind|address already in use|could not create any TCP\/IP sockets/i.test(cluster.log())) continue;
        err.message += `\npostgres.log:\n${cluster.log()}`;
        throw err;
      }
    }
  } catch (err) {
    await cluster.destroy();
    throw err;
  }
  return cluster;
}
