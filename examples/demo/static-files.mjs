// @ts-check
// Serves files from a folder with the right content types, and nothing outside that folder.
import { readFile, stat } from 'node:fs/promises';
import { extname, resolve, sep } from 'node:path';

/** Content types of what the demo serves; anything else is refused rather than guessed. */
const contentTypes = {
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
};

/**
 * Sends `relPath` from `root`; returns false (sending nothing) when there is no such file.
 * @param {import('node:http').IncomingMessage} req
 * @param {import('node:http').ServerResponse} res
 * @param {string} root absolute folder
 * @param {string} relPath URL path below the mount point, already percent-decoded
 * @param {Record<string, string>} [headers] extra response headers
 * @returns {Promise<boolean>}
 */
export async function sendStatic(req, res, root, relPath, headers = {}) {
  const type = contentTypes[/** @type {keyof typeof contentTypes} */ (extname(relPath).toLowerCase())];
  const file = resolve(root, `.${sep}${relPath}`);
  // resolve() normalises "..": anything that lands outside root, or a dot-file, is not ours to serve.
  if (!type || !file.startsWith(root + sep) || /(^|[/\\])\./.test(relPath)) return false;
  try {
    if (!(await stat(file)).isFile()) return false;
    const body = await readFile(file);
    res.writeHead(200, {
      'Content-Type': type,
      'Content-Length': body.length,
      'X-Content-Type-Options': 'nosniff',
      // A demo is edited and reloaded: revalidate rather than serve yesterday's build.
      'Cache-Control': 'no-cache',
      ...headers,
    });
    res.end(req.method === 'HEAD' ? undefined : body);
    return true;
  } catch {
    return false;
  }
}
