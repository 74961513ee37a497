// HTTP-5: `GET /graphql` from a browser serves the GraphiQL explorer, whose files are
// compiled into chatd (no CDN, no other host). The last test drives Debian's chromium
// with playwright-core: the page must render, and every request must stay on this server.

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { startChatd, get, scrape, sleep } from './lib/chatd.mjs';

const T = { timeout: 15_000 };
const BROWSER_ACCEPT = 'text/html,application/xhtml+xml,application/xml;q=0.9,image/avif,image/webp,*/*;q=0.8';
const CHROMIUM = '/usr/bin/chromium';
const SCREENSHOT = '/tmp/graphiql.png';

// What each asset is served as, and what the npm package's file starts with.
const ASSETS = {
  '/graphiql/graphiql.min.css': { type: 'text/css; charset=utf-8', start: '/*!****' },
  '/graphiql/react.production.min.js': {
    type: 'text/javascript; charset=utf-8',
    start: '/**\n * @license React\n * react.production.min.js',
  },
  '/graphiql/react-dom.production.min.js': {
    type: 'text/javascript; charset=utf-8',
    start: '/**\n * @license React\n * react-dom.production.min.js',
  },
  '/graphiql/graphiql.min.js': {
    type: 'text/javascript; charset=utf-8',
    start: '/******/ (function() { // webpackBootstrap',
  },
};

let srv;

before(async () => {
  srv = await startChatd();
});
after(async () => {
  await srv?.cleanup();
});

/** The `src`/`href` URLs of a page's <script> and <link> tags. */
function referencedUrls(html) {
  return [...html.matchAll(/<(?:script|link)\b[^>]*?\s(?:src|href)="([^"]*)"/g)].map((m) => m[1]);
}

test('HTTP-5: GET /graphql accepting text/html answers the GraphiQL page', T, async () => {
  for (const accept of [BROWSER_ACCEPT, 'text/html']) {
    const res = await get(`${srv.url}/graphql`, { headers: { accept } });
    assert.equal(res.status, 200);
    assert.equal(res.headers.get('content-type'), 'text/html; charset=utf-8');
    const html = await res.text();
    assert.match(html, /^<!doctype html>/);
    assert.ok(html.includes('<div id="graphiql">'), 'the page has the GraphiQL root element');
    assert.ok(html.includes("url: '/graphql'"), 'GraphiQL talks to /graphql');
    assert.ok(html.includes("'apollo-require-preflight': 'true'"), 'with the CSRF preflight header');
    assert.ok(!/https?:\/\//.test(html), 'no absolute http(s) URL: nothing is loaded from another host');
    const urls = referencedUrls(html);
    for (const path of Object.keys(ASSETS)) {
      assert.ok(urls.includes(path), `the page loads ${path}; it references ${urls.join(', ')}`);
    }
  }
  const head = await get(`${srv.url}/graphql`, { method: 'HEAD', headers: { accept: BROWSER_ACCEPT } });
  assert.equal(head.status, 200);
  assert.equal(head.headers.get('content-type'), 'text/html; charset=utf-8');
});

test('HTTP-1/HTTP-5: GraphQL requests to /graphql do not get the page', T, async () => {
  // A GET with a query is a GraphQL request even from a browser.
  const withQuery = await get(`${srv.url}/graphql?query=${encodeURIComponent('{ hello }')}`, {
    headers: { accept: BROWSER_ACCEPT, 'apollo-require-preflight': 'true' },
  });
  assert.notEqual(withQuery.headers.get('content-type'), 'text/html; charset=utf-8');
  assert.equal(withQuery.status, 200);
  assert.equal((await withQuery.json()).data.hello, 'hello brah! u mirin? ');
  // No text/html in Accept: the GraphQL side answers (here the CSRF check, HTTP-3).
  for (const accept of ['application/json', '*/*']) {
    const res = await get(`${srv.url}/graphql`, { headers: { accept } });
    assert.equal(res.status, 400, `Accept: ${accept}`);
    assert.match(res.headers.get('content-type'), /^application\/json/);
    await res.arrayBuffer();
  }
  // POST never gets the page.
  const post = await get(`${srv.url}/graphql`, {
    method: 'POST',
    headers: { accept: BROWSER_ACCEPT, 'content-type': 'application/json' },
    body: JSON.stringify({ query: '{ hello }' }),
  });
  assert.equal(post.status, 200);
  await post.arrayBuffer();
});

test('HTTP-5: every file the page references is served with its content type', T, async () => {
  const html = await (await get(`${srv.url}/graphql`, { headers: { accept: 'text/html' } })).text();
  const urls = referencedUrls(html).filter((u) => !u.startsWith('data:'));
  assert.deepEqual([...urls].sort(), Object.keys(ASSETS).sort(), 'the page loads exactly the embedded files');
  for (const path of urls) {
    const res = await get(`${srv.url}${path}`);
    assert.equal(res.status, 200, path);
    assert.equal(res.headers.get('content-type'), ASSETS[path].type, path);
    assert.equal(res.headers.get('x-content-type-options'), 'nosniff', path);
    assert.equal(res.headers.get('cache-control'), 'public, max-age=86400', path);
    const body = Buffer.from(await res.arrayBuffer());
    assert.equal(Number(res.headers.get('content-length')), body.length, path);
    assert.ok(body.toString('utf8', 0, 200).startsWith(ASSETS[path].start), `${path} starts as the npm file does`);

    const head = await get(`${srv.url}${path}`, { method: 'HEAD' });
    assert.equal(head.status, 200, `HEAD ${path}`);
    assert.equal(Number(head.headers.get('content-length')), body.length, `HEAD ${path} has GET's length`);
    assert.equal(head.headers.get('content-type'), ASSETS[path].type, `HEAD ${path}`);
  }
  const js = await (await get(`${srv.url}/graphiql/graphiql.min.js`)).text();
  assert.ok(js.includes('module.exports = window["React"]') && js.includes('module.exports = window["ReactDOM"]'),
    'GraphiQL expects the React and ReactDOM globals, which the page loads first');
});

test('HTTP-5: unknown GraphiQL files are 404, other methods 405, and metrics count them as /graphiql', T, async () => {
  const { parsed: p0 } = await scrape(srv.url);
  const before404 = sumRoute(p0, '404');
  const before200 = sumRoute(p0, '200');
  const unknown = ['/graphiql/nope.js', '/graphiql/graphiql.min.js.map', '/graphiql/', '/graphiql/React.production.min.js'];
  for (const path of unknown) {
    const res = await get(`${srv.url}${path}`);
    assert.equal(res.status, 404, path);
    const body = await res.json();
    assert.equal(body.errors[0].extensions.code, 'NOT_FOUND', path);
  }
  const post = await get(`${srv.url}/graphiql/graphiql.min.css`, { method: 'POST', body: 'x' });
  assert.equal(post.status, 405);
  assert.equal(post.headers.get('allow'), 'GET, HEAD');
  await post.arrayBuffer();
  await (await get(`${srv.url}/graphiql/react.production.min.js`)).arrayBuffer();

  let after404;
  let after200;
  for (let i = 0; i < 40; i++) {
    const { parsed } = await scrape(srv.url);
    after404 = sumRoute(parsed, '404');
    after200 = sumRoute(parsed, '200');
    if (after404 >= before404 + unknown.length && after200 >= before200 + 1) break;
    await sleep(50);
  }
  assert.equal(after404, before404 + unknown.length, 'the 404s are counted under route="/graphiql"');
  assert.equal(after200, before200 + 1, 'the asset is counted under route="/graphiql"');
});

function sumRoute(parsed, status) {
  return parsed.samples
    .filter((s) => s.name === 'chat_http_requests_total' && s.labels.route === '/graphiql' && s.labels.status === status)
    .reduce((total, s) => total + s.value, 0);
}

test('HTTP-5: GraphiQL renders in a real browser with every request on this server', { timeout: 120_000 }, async (t) => {
  assert.ok(existsSync(CHROMIUM), `${CHROMIUM} is missing: scripts/deps.sh --test installs Debian's chromium`);
  const { chromium } = await import('playwright-core');
  // A server of its own, so the requests seen here are only the browser's.
  const server = await startChatd({ t });
  const origin = server.url;

  let browser;
  t.after(async () => {
    await browser?.close().catch(() => {});
    await server.cleanup();
  });
  browser = await chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    timeout: 30_000,
    args: [
      '--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
      '--disable-background-networking', '--disable-component-update', '--disable-sync',
    ],
  });
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  // A cookie for this server: GraphiQL's requests must carry it (credentials included).
  await context.addCookies([{ name: 'graphiql_probe', value: '1', url: origin }]);
  const page = await context.newPage();

  const requests = []; // every request the page made: { method, url }
  const failed = []; // requests that got no answer at all
  const badResponses = []; // answers >= 400
  const consoleErrors = [];
  const pageErrors = [];
  const graphqlRequests = [];
  context.on('request', (req) => {
    requests.push({ method: req.method(), url: req.url() });
    if (req.url() === `${origin}/graphql` && req.method() === 'POST') graphqlRequests.push(req);
  });
  context.on('requestfailed', (req) => failed.push(`${req.method()} ${req.url()}: ${req.failure()?.errorText}`));
  context.on('response', (res) => {
    if (res.status() >= 400) badResponses.push({ method: res.request().method(), url: res.url(), status: res.status() });
  });
  page.on('console', (msg) => {
    if (msg.type() === 'error') consoleErrors.push({ text: msg.text(), url: msg.location()?.url ?? '' });
  });
  page.on('pageerror', (err) => pageErrors.push(String(err?.stack ?? err)));

  // GraphiQL fetches the schema (introspection) as soon as it mounts.
  const introspection = page.waitForResponse(
    (res) => res.url() === `${origin}/graphql` && res.request().method() === 'POST', { timeout: 30_000 });
  const response = await page.goto(`${origin}/graphql`, { waitUntil: 'load', timeout: 30_000 });
  assert.equal(response.status(), 200);
  assert.equal(response.headers()['content-type'], 'text/html; charset=utf-8');

  await page.locator('.graphiql-container').waitFor({ state: 'visible', timeout: 30_000 });
  const editor = page.locator('.graphiql-query-editor .CodeMirror');
  await editor.waitFor({ state: 'visible', timeout: 30_000 });
  assert.match(await editor.innerText(), /query Hello/, 'the query editor shows the default query');
  await page.locator('.graphiql-execute-button').waitFor({ state: 'visible', timeout: 10_000 });

  // GraphiQL introspects the schema (GQL-1): the engine answers with the whole schema.
  const answer = await introspection;
  assert.equal(answer.status(), 200);
  const introspected = await answer.json();
  assert.equal(introspected.errors, undefined);
  assert.equal(introspected.data.__schema.queryType.name, 'Query');
  const sent = await answer.request().allHeaders();
  assert.equal(sent['apollo-require-preflight'], 'true', 'the fetcher sends the CSRF preflight header');
  assert.match(sent.cookie ?? '', /graphiql_probe=1/, 'the fetcher sends this server\'s cookies');

  // Run the default query: the answer shows in the response pane.
  await page.locator('.graphiql-execute-button').click();
  await page.locator('.graphiql-response .CodeMirror', { hasText: 'hello brah! u mirin?' })
    .waitFor({ state: 'visible', timeout: 15_000 });
  await sleep(300); // let the last paint settle before the screenshot
  await page.screenshot({ path: SCREENSHOT });

  // Every request stayed on this server (data: URLs are the stylesheet's inline fonts).
  const elsewhere = requests.filter((r) => !r.url.startsWith(`${origin}/`) && !r.url.startsWith('data:'));
  assert.deepEqual(elsewhere, [], 'no request leaves for another host');
  for (const path of Object.keys(ASSETS)) {
    assert.ok(requests.some((r) => r.url === `${origin}${path}`), `the browser loaded ${path}`);
  }
  assert.ok(graphqlRequests.length >= 2, 'introspection and the query went to /graphql');
  assert.deepEqual(failed, [], 'no request failed');
  // No error answer and no console error at all.
  assert.deepEqual(badResponses, [], 'no error answers');
  assert.deepEqual(consoleErrors, [], 'no console errors');
  assert.deepEqual(pageErrors, [], 'no uncaught exception in the page');
});
