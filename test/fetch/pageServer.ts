// A loopback web server for /add tests: routes map a path to what to answer (status, type, body,
// delay, redirect). It records every path asked for, so tests can see what was (not) fetched.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface Route {
  status?: number;
  type?: string;
  body?: string | Buffer;
  /** Send the body in chunks without a Content-Length (as a streamed page would). */
  chunked?: boolean;
  /** Wait this long before answering. */
  delayMs?: number;
  location?: string;
}

export interface PageServer {
  url(path: string): string;
  port: number;
  requests: string[];
  routes: Map<string, Route>;
  close(): Promise<void>;
}

export async function startPageServer(routes: Record<string, Route> = {}): Promise<PageServer> {
  const table = new Map(Object.entries(routes));
  const requests: string[] = [];
  const server: Server = createServer((req, res) => {
    const path = req.url ?? '/';
    requests.push(path);
    const route = table.get(path);
    if (!route) return void res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
    const answer = () => {
      if (res.destroyed) return;
      const headers: Record<string, string> = { 'content-type': route.type ?? 'text/html; charset=utf-8' };
      if (route.location) headers.location = route.location;
      const body = route.body ?? '';
      if (route.chunked) {
        res.writeHead(route.status ?? 200, headers);
        const buffer = Buffer.from(body);
        for (let i = 0; i < buffer.length; i += 256 * 1024) res.write(buffer.subarray(i, i + 256 * 1024));
        res.end();
      } else res.writeHead(route.status ?? 200, { ...headers, 'content-length': String(Buffer.byteLength(body)) }).end(body);
    };
    if (route.delayMs) setTimeout(answer, route.delayMs).unref();
    else answer();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;
  return {
    port,
    requests,
    routes: table,
    url: (path) => `http://127.0.0.1:${port}${path}`,
    async close() {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

/** A small news article page with the furniture real pages carry. */
export function articlePage(opts: { title: string; paragraphs: string[]; canonical?: string; site?: string; published?: string; author?: string }): string {
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${opts.title}</title>
${opts.site ? `<meta property="og:site_name" content="${opts.site}">` : ''}
${opts.published ? `<meta property="article:published_time" content="${opts.published}">` : ''}
${opts.author ? `<meta name="author" content="${opts.author}">` : ''}
${opts.canonical ? `<link rel="canonical" href="${opts.canonical}">` : ''}
</head><body>
<header><nav><a href="/">Home</a> <a href="/news">News</a> <a href="/sport">Sport</a></nav></header>
<main><article><h1>${opts.title}</h1>
${opts.author ? `<p class="byline">By ${opts.author}</p>` : ''}
${opts.paragraphs.map((p) => `<p>${p}</p>`).join('\n')}
<div class="share-tools"><a href="#">Share on Facebook</a> <a href="#">Share on X</a></div>
</article></main>
<aside class="related"><h2>Most read</h2><ul><li><a href="/a">Another story</a></li></ul></aside>
<footer><p>© Example News</p></footer></body></html>`;
}
