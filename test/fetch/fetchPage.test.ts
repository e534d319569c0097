// fetchPage against a loopback web server: what it fetches, and every refusal.
import type { LookupAddress } from 'node:dns';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { blockedRange } from '../../src/fetch/addressPolicy.js';
import { fetchPage, type FetchOptions } from '../../src/fetch/fetchPage.js';
import { articlePage, startPageServer, type PageServer } from './pageServer.js';

let server: PageServer;
const PAGE = articlePage({ title: 'Bridge reopens', paragraphs: ['The old bridge reopened on Tuesday after six months of repairs, the council said.'] });

beforeAll(async () => {
  server = await startPageServer({
    '/page': { body: PAGE },
    '/pdf': { type: 'application/pdf', body: '%PDF-1.4' },
    '/big': { body: Buffer.alloc(5 * 1024 * 1024 + 1, 0x61) },
    '/big-stream': { body: Buffer.alloc(5 * 1024 * 1024 + 1, 0x61), chunked: true },
    '/slow': { body: PAGE, delayMs: 5000 },
    '/to-page': { status: 302, location: '/page' },
    '/to-intranet': { status: 302, location: 'http://intranet.test/admin' },
    '/to-loopback-ip': { status: 301, location: 'http://127.0.0.2:9/' },
    '/to-ftp': { status: 302, location: 'ftp://files.test/x' },
    '/loop': { status: 302, location: '/loop' },
  });
});
afterAll(() => server?.close());

// Made-up names for the resolver: news.test is the loopback server, treated as public below.
const NAMES: Record<string, string[]> = { 'news.test': ['127.0.0.1'], 'intranet.test': ['10.0.0.7'], 'mixed.test': ['127.0.0.1', '192.168.1.20'], localhost: ['127.0.0.1', '::1'] };
const lookup = ((host: string, _opts: unknown, callback: (e: NodeJS.ErrnoException | null, a: LookupAddress[]) => void) => {
  const addresses = NAMES[host];
  if (!addresses) return callback(Object.assign(new Error(`getaddrinfo ENOTFOUND ${host}`), { code: 'ENOTFOUND' }), []);
  callback(null, addresses.map((address) => ({ address, family: address.includes(':') ? 6 : 4 })));
}) as unknown as FetchOptions['lookup'];
/** Public policy, except that the test server's own address counts as public. */
const publicButServer: FetchOptions = { lookup, blocked: (a) => (a === '127.0.0.1' ? null : blockedRange(a)) };

describe('blockedRange', () => {
  it.each([
    ['127.0.0.1', /loopback/], ['::1', /loopback/], ['10.1.2.3', /private/], ['192.168.0.10', /private/], ['172.16.5.4', /private/],
    ['169.254.169.254', /link-local/], ['fe80::1', /link-local/], ['fc00::1', /private/], ['100.64.0.1', /private/], ['0.0.0.0', /unspecified/],
    ['::ffff:127.0.0.1', /loopback/], ['224.0.0.1', /multicast/],
    // IPv4-compatible (deprecated) and mapped forms, as a URL normalises them and as typed.
    ['::7f00:1', /loopback/], ['[::7f00:1]', /loopback/], ['::127.0.0.1', /loopback/], ['::ffff:7f00:1', /loopback/], ['::a00:1', /private/],
    ['::c0a8:101', /private/], ['::a9fe:a9fe', /link-local/], ['::ffff:a9fe:a9fe', /link-local/], ['::1:0:0:1', /reserved/],
  ])('refuses %s', (address, why) => expect(blockedRange(address)).toMatch(why));
  it.each(['93.184.215.14', '2606:2800:21f:cb07:6820:80da:af6b:8b2c', '::ffff:8.8.8.8'])('allows public %s', (address) => expect(blockedRange(address)).toBeNull());
});

describe('fetchPage', () => {
  it('fetches a page, following a redirect, when private addresses are allowed', async () => {
    const result = await fetchPage(server.url('/to-page'), { allowPrivate: true });
    expect(result).toMatchObject({ ok: true, url: server.url('/page'), status: 200 });
    if (result.ok) expect(result.bytes.toString('utf8')).toBe(PAGE);
  });

  it('resolves names and fetches when every address is allowed', async () => {
    const result = await fetchPage(`http://news.test:${server.port}/page`, publicButServer);
    expect(result.ok).toBe(true);
  });

  it.each(['ftp://files.test/x', 'javascript:alert(1)', 'file:///etc/passwd', 'not a link'])('refuses %s as not http(s)', async (link) => {
    expect(await fetchPage(link)).toMatchObject({ ok: false, refusal: 'not-http' });
  });

  it('refuses loopback, by address and by name, unless allowed', async () => {
    const before = server.requests.length;
    expect(await fetchPage(server.url('/page'))).toMatchObject({ ok: false, refusal: 'blocked-address', message: expect.stringMatching(/loopback/) });
    expect(await fetchPage(`http://localhost:${server.port}/page`, { lookup })).toMatchObject({ ok: false, refusal: 'blocked-address' });
    expect(server.requests.length).toBe(before); // refused before connecting
  });

  it('refuses IPv4-compatible and mapped IPv6 forms of loopback, in the link and from the resolver, before connecting', async () => {
    const before = server.requests.length;
    for (const host of ['[::7f00:1]', '[::127.0.0.1]', '[::ffff:127.0.0.1]', '[::ffff:7f00:1]']) {
      expect(await fetchPage(`http://${host}:${server.port}/page`), host).toMatchObject({ ok: false, refusal: 'blocked-address', message: expect.stringMatching(/loopback/) });
    }
    const compat = ((host: string, _opts: unknown, callback: (e: null, a: LookupAddress[]) => void) => callback(null, [{ address: '::7f00:1', family: 6 }])) as unknown as FetchOptions['lookup'];
    expect(await fetchPage(`http://compat.test:${server.port}/page`, { lookup: compat })).toMatchObject({ ok: false, refusal: 'blocked-address', message: expect.stringMatching(/::7f00:1/) });
    expect(server.requests.length).toBe(before);
  });

  it('refuses a name when any one of its addresses is private', async () => {
    expect(await fetchPage(`http://mixed.test:${server.port}/page`, publicButServer)).toMatchObject({ ok: false, refusal: 'blocked-address', message: expect.stringMatching(/192\.168\.1\.20/) });
  });

  it('checks again after every redirect', async () => {
    expect(await fetchPage(`http://news.test:${server.port}/to-intranet`, publicButServer)).toMatchObject({ ok: false, refusal: 'blocked-address', message: expect.stringMatching(/intranet\.test.*private/) });
    expect(await fetchPage(`http://news.test:${server.port}/to-loopback-ip`, publicButServer)).toMatchObject({ ok: false, refusal: 'blocked-address', message: expect.stringMatching(/127\.0\.0\.2.*loopback/) });
    expect(await fetchPage(`http://news.test:${server.port}/to-ftp`, publicButServer)).toMatchObject({ ok: false, refusal: 'not-http' });
    expect(await fetchPage(`http://news.test:${server.port}/loop`, publicButServer)).toMatchObject({ ok: false, refusal: 'too-many-redirects' });
  });

  it('refuses a page over 5 MB, announced or streamed', async () => {
    expect(await fetchPage(server.url('/big'), { allowPrivate: true })).toMatchObject({ ok: false, refusal: 'too-large', message: expect.stringMatching(/5 MB/) });
    expect(await fetchPage(server.url('/big-stream'), { allowPrivate: true })).toMatchObject({ ok: false, refusal: 'too-large' });
  });

  it('gives up after the time limit', async () => {
    const started = Date.now();
    expect(await fetchPage(server.url('/slow'), { allowPrivate: true, timeoutMs: 300 })).toMatchObject({ ok: false, refusal: 'timeout', message: expect.stringMatching(/0\.3 s/) });
    expect(Date.now() - started).toBeLessThan(3000);
  });

  it('refuses what is not a web page, and error statuses', async () => {
    expect(await fetchPage(server.url('/pdf'), { allowPrivate: true })).toMatchObject({ ok: false, refusal: 'not-html', message: expect.stringMatching(/application\/pdf/) });
    expect(await fetchPage(server.url('/missing'), { allowPrivate: true })).toMatchObject({ ok: false, refusal: 'http-status', message: expect.stringMatching(/404/) });
    expect(await fetchPage('http://nowhere.test/', { lookup })).toMatchObject({ ok: false, refusal: 'unreachable', message: 'no such host' });
  });
});
