// Measures a server's start-up: time from spawn to the first answered GET /healthz,
// and its resident memory once idle. Usage:
//   node startup.mjs <runs> <port> -- <command...>
// Prints one JSON object: {"startupMsMedian", "startupMsMin", "idleRssKb"}.
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import http from 'node:http';

const [runsArg, portArg, sep, ...command] = process.argv.slice(2);
if (sep !== '--' || command.length === 0) {
  console.error('usage: node startup.mjs <runs> <port> -- <command...>');
  process.exit(2);
}
const runs = Number(runsArg);
const port = Number(portArg);

const probe = () =>
  new Promise((resolve) => {
    const req = http.get({ host: '127.0.0.1', port, path: '/healthz', agent: false }, (res) => {
      res.resume();
      res.on('end', () => resolve(res.statusCode === 200));
    });
    req.on('error', () => resolve(false));
  });

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

function rssKb(pid) {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  return Number(/VmRSS:\s+(\d+)/.exec(status)[1]);
}

const times = [];
let idleRssKb = 0;
for (let i = 0; i < runs; i++) {
  const started = process.hrtime.bigint();
  const child = spawn(command[0], command.slice(1), { stdio: 'ignore', env: process.env });
  let up = false;
  while (!up) {
    up = await probe();
    if (!up) await sleep(1);
    if (Number(process.hrtime.bigint() - started) > 10e9) throw new Error('server did not start');
  }
  times.push(Number(process.hrtime.bigint() - started) / 1e6);
  if (i === runs - 1) {
    await sleep(1000); // let start-up allocations settle
    idleRssKb = rssKb(child.pid);
  }
  const exited = new Promise((r) => child.on('exit', r));
  child.kill('SIGTERM');
  await exited;
}
times.sort((a, b) => a - b);
console.log(JSON.stringify({
  startupMsMedian: Number(times[Math.floor(times.length / 2)].toFixed(1)),
  startupMsMin: Number(times[0].toFixed(1)),
  idleRssKb,
}));
