// Baseline for the HTTP benchmark: the smallest Node.js server answering /healthz,
// i.e. the platform the replaced NestJS backend ran on, minus the framework.
import http from 'node:http';

const port = Number(process.argv[2] ?? 3100);
http
  .createServer((req, res) => {
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end('{"status":"ok"}');
  })
  .listen(port, '127.0.0.1');
