// Two origins for script-tag tests: a stand-in for the public npm CDNs serving the built CDN files under
// their URL patterns, and a shop origin serving pages with the headers a test asks for (a CSP, say) and
// collecting CSP reports. Separate ports make them separate origins, as on the real web.
import { readFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { fileURLToPath } from 'node:url';
import { sendStatic } from '../../demo/static-files.mjs';

const root = (relative: string) => fileURLToPath(new URL(`../../../${relative}`, import.meta.url));
const packages: Record<string, string> = {
  '@livehook/player': root('packages/player'),
  '@livehook/widgets': root('packages/widgets'),
};
const exactVersion = /^\d+\.\d+\.\d+(?:-[\w.]+)?$/;

export interface CdnOrigin {
  origin: string;
  /** `https://cdn.jsdelivr.net/npm/<pkg>@<version>/<file>`, served here; any version serves this checkout's build. */
  jsdelivr(pkg: string, file: string, version?: string): string;
  /** `https://unpkg.com/<pkg>@<range>/<file>`: like unpkg, a range redirects (302) to the exact version. */
  unpkg(pkg: string, file: string, range?: string): string;
  /** Every path requested so far. */
  requests: string[];
  stop(): Promise<void>;
}

/** Serves `packages/<name>/dist/…` under `/npm/<pkg>@<version>/dist/…` (jsDelivr) and `/<pkg>@<version>/dist/…` (unpkg). */
export async function startCdnOrigin(): Promise<CdnOrigin> {
  const requests: string[] = [];
  const server = createServer(async (req, res) => {
    const path = decodeURIComponent(new URL(req.url ?? '/', 'http://cdn').pathname);
    requests.push(path);
    const match = /^\/(npm\/)?(@livehook\/[\w-]+)@([^/]+)\/(dist\/.+)$/.exec(path);
    const dir = match && packages[match[2]];
    if (!match || !dir) return void res.writeHead(404).end();
    const [, jsdelivr, pkg, version, file] = match;
    if (!jsdelivr && !exactVersion.test(version)) {
      const { version: exact } = JSON.parse(readFileSync(`${dir}/package.json`, 'utf8'));
      return void res
        .writeHead(302, { Location: `/${pkg}@${exact}/${file}`, 'Access-Control-Allow-Origin': '*' })
        .end();
    }
    // Module scripts from another origin are fetched with CORS; both CDNs answer `*`.
    const headers = { 'Access-Control-Allow-Origin': '*', 'Cross-Origin-Resource-Policy': 'cross-origin' };
    if (!(await sendStatic(req, res, dir, file, headers))) res.writeHead(404, headers).end();
  });
  const origin = await listen(server);
  return {
    origin,
    jsdelivr: (pkg, file, version = '0') => `${origin}/npm/${pkg}@${version}/${file}`,
    unpkg: (pkg, file, range = '0') => `${origin}/${pkg}@${range}/${file}`,
    requests,
    stop: () => close(server),
  };
}

export interface ShopOrigin {
  origin: string;
  /** Where the pages' CSP reports go (`report-uri` and the `Reporting-Endpoints` endpoint). */
  reportUrl: string;
  /** CSP reports received so far (both the old `csp-report` and the Reporting API shapes). */
  reports: unknown[];
  stop(): Promise<void>;
}

export interface ShopPage {
  html: string;
  headers?: Record<string, string>;
}

/** Serves `pages` by path (and same-origin files from `files`, path → body + type); collects CSP reports. */
export async function startShopOrigin(
  pages: Record<string, ShopPage | ((origin: ShopOrigin) => ShopPage)>,
  files: Record<string, { body: string; type: string }> = {},
): Promise<ShopOrigin> {
  const reports: unknown[] = [];
  const shop = { origin: '', reportUrl: '', reports, stop: async () => {} } as ShopOrigin;
  const server = createServer(async (req, res) => {
    const path = new URL(req.url ?? '/', 'http://shop').pathname;
    if (path === '/csp-reports' && req.method === 'POST') {
      const body = await readBody(req);
      try {
        const parsed = JSON.parse(body);
        reports.push(...(Array.isArray(parsed) ? parsed : [parsed]));
      } catch {
        reports.push(body);
      }
      return void res.writeHead(204).end();
    }
    const page = pages[path];
    if (page) {
      const { html, headers = {} } = typeof page === 'function' ? page(shop) : page;
      return void send(res, html, 'text/html; charset=utf-8', headers);
    }
    const file = files[path];
    if (file) return void send(res, file.body, file.type, {});
    res.writeHead(404, { 'Content-Type': 'text/plain' }).end('not found\n');
  });
  shop.origin = await listen(server);
  shop.reportUrl = `${shop.origin}/csp-reports`;
  shop.stop = () => close(server);
  return shop;
}

function send(res: ServerResponse, body: string, type: string, headers: Record<string, string>) {
  res.writeHead(200, { 'Content-Type': type, 'Cache-Control': 'no-store', ...headers }).end(body);
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    let body = '';
    req.setEncoding('utf8');
    req.on('data', (chunk) => {
      body += chunk;
    });
    req.on('end', () => resolve(body));
    req.on('error', reject);
  });
}

async function listen(server: Server): Promise<string> {
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', resolve);
  });
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

function close(server: Server): Promise<void> {
  return new Promise((resolve) => {
    server.close(() => resolve());
    // Players keep connections alive; without this close() waits for them.
    server.closeAllConnections();
  });
}
