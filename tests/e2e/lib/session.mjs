// A browser-like GraphQL session for end-to-end tests of accounts: every request goes
// through a real cookie jar (tough-cookie, which applies Set-Cookie's Path, Max-Age,
// Expires, Secure and HttpOnly rules as a browser does), and every response body is
// kept so a test can assert on all of them at once (AUTH-7: no hash ever leaves).

import { CookieJar } from 'tough-cookie';

export const REGISTER = `mutation Register($input: RegisterInput!) {
  register(RegisterInput: $input) { user { id email fullname avatarUrl password createdAt updatedAt } }
}`;
export const LOGIN = `mutation Login($input: LogInInput!) {
  login(LogInInput: $input) { user { id email fullname avatarUrl password } }
}`;
export const REFRESH = 'mutation { refreshToken }';
export const LOGOUT = 'mutation { logout }';
export const ME_BY_ID = 'query Me($id: Int!) { findUserById(id: $id) { id email fullname password } }';

/** The parsed Set-Cookie attributes of one header value (name, value, flags). */
export function parseSetCookie(header) {
  const [pair, ...attrs] = header.split(';').map((s) => s.trim());
  const eq = pair.indexOf('=');
  const out = { name: pair.slice(0, eq), value: pair.slice(eq + 1), attrs: {} };
  for (const a of attrs) {
    const i = a.indexOf('=');
    const key = (i === -1 ? a : a.slice(0, i)).toLowerCase();
    out.attrs[key] = i === -1 ? true : a.slice(i + 1);
  }
  return out;
}

export class Session {
  /**
   * @param {string} url the server's base URL (http://127.0.0.1:port)
   * @param {{headers?: Record<string,string>}} [opts]
   */
  constructor(url, { headers = {} } = {}) {
    this.url = url;
    this.jar = new CookieJar();
    this.headers = headers;
    /** Every response body this session received, as text. */
    this.bodies = [];
  }

  /** The jar's cookie value for `name` (what the browser would send), or undefined. */
  async cookie(name) {
    const cookies = await this.jar.getCookies(`${this.url}/graphql`);
    return cookies.find((c) => c.key === name)?.value;
  }

  /** Replaces (or sets) a cookie in the jar, as if the browser had kept an old one. */
  async setCookie(name, value) {
    await this.jar.setCookie(`${name}=${value}; Path=/; HttpOnly; SameSite=Strict`, this.url);
  }

  /**
   * POSTs a GraphQL operation; stores the response's cookies in the jar.
   * @returns {{status:number, body:any, text:string, setCookies:string[], headers:Headers}}
   */
  async gql(query, variables = {}, { headers = {} } = {}) {
    const target = `${this.url}/graphql`;
    const cookieHeader = await this.jar.getCookieString(target);
    const res = await fetch(target, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        ...(cookieHeader ? { cookie: cookieHeader } : {}),
        ...this.headers,
        ...headers,
      },
      body: JSON.stringify({ query, variables }),
    });
    return this.#absorb(res, target);
  }

  /** Sends a prepared request (multipart uploads) through the jar. */
  async fetch(target, init = {}) {
    const cookieHeader = await this.jar.getCookieString(target);
    const headers = new Headers(init.headers ?? {});
    if (cookieHeader) headers.set('cookie', cookieHeader);
    for (const [k, v] of Object.entries(this.headers)) headers.set(k, v);
    const res = await fetch(target, { ...init, headers });
    return this.#absorb(res, target);
  }

  /**
   * A `fetch` for real clients (Apollo's links): sends the jar's cookies, keeps the
   * response's, records the body, and hands the untouched Response back.
   */
  jarFetch = async (target, init = {}) => {
    const url = String(target);
    const cookieHeader = await this.jar.getCookieString(url);
    const headers = new Headers(init.headers ?? {});
    if (cookieHeader) headers.set('cookie', cookieHeader);
    for (const [k, v] of Object.entries(this.headers)) headers.set(k, v);
    const res = await fetch(url, { ...init, headers });
    for (const c of res.headers.getSetCookie()) await this.jar.setCookie(c, url);
    this.bodies.push(await res.clone().text());
    return res;
  };

  async #absorb(res, target) {
    const setCookies = res.headers.getSetCookie();
    for (const c of setCookies) await this.jar.setCookie(c, target);
    const text = await res.text();
    this.bodies.push(text);
    let body;
    try { body = JSON.parse(text); } catch { body = undefined; }
    return { status: res.status, body, text, setCookies, headers: res.headers };
  }

  async register(input) {
    const full = { confirmPassword: input.password, ...input };
    return this.gql(REGISTER, { input: full });
  }

  async login(email, password) {
    return this.gql(LOGIN, { input: { email, password } });
  }
}

/** A unique, valid registration (fullnames and emails are unique: AUTH-1). */
let counter = 0;
export function newUser(prefix = 'fan') {
  counter += 1;
  const tag = `${prefix}${process.pid}x${counter}x${Math.floor(Math.random() * 1e6)}`;
  return { fullname: `Fan ${tag}`, email: `${tag}@Example.com`, password: 'password123' };
}

/** The first error of a GraphQL response, or undefined. */
export const firstError = (r) => r.body?.errors?.[0];
