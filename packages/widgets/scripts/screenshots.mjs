// Screenshots of every widget state at phone and desktop widths, in English and Chinese.
//   node packages/widgets/scripts/screenshots.mjs [outDir]     (build the package first)
import { createReadStream } from 'node:fs';
import { mkdir, stat } from 'node:fs/promises';
import { createServer } from 'node:http';
import { extname, join, resolve } from 'node:path';
import { chromium } from 'playwright-core';
import { chromiumArgs, findChromium } from '../../../scripts/find-chromium.mjs';

const root = resolve(import.meta.dirname, '..');
const outDir = resolve(process.argv[2] ?? '/tmp/livehook-widget-shots');
const types = { '.html': 'text/html', '.js': 'text/javascript', '.css': 'text/css', '.map': 'application/json' };

const server = createServer(async (req, res) => {
  const path = join(root, decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname));
  if (!path.startsWith(root) || !(await stat(path).catch(() => null))?.isFile()) {
    res.writeHead(404).end();
    return;
  }
  res.writeHead(200, { 'Content-Type': types[extname(path)] ?? 'application/octet-stream' });
  createReadStream(path).pipe(res);
});
await new Promise((r) => server.listen(0, '127.0.0.1', r));
const origin = `http://127.0.0.1:${server.address().port}`;

await mkdir(outDir, { recursive: true });
const browser = await chromium.launch({ executablePath: findChromium(), args: chromiumArgs });
try {
  const shot = async (name, width, query, fullPage = true) => {
    const page = await browser.newPage({ viewport: { width, height: 844 }, deviceScaleFactor: width < 600 ? 2 : 1 });
    await page.goto(`${origin}/demo/states.html?${new URLSearchParams(query)}`);
    await page.waitForSelector('html[data-ready="true"]');
    await page.waitForTimeout(500);
    const file = join(outDir, `${name}.png`);
    await page.screenshot({ path: file, fullPage });
    console.log(file);
    await page.close();
  };
  for (const lang of ['en', 'zh-CN']) {
    await shot(`all-${lang}-1280`, 1280, { lang });
    await shot(`sheet-${lang}-1280`, 1280, { lang, sheet: '', only: 'none' }, false);
    await shot(`sheet-${lang}-390`, 390, { lang, sheet: '', only: 'none' }, false);
    for (const only of ['follow-unlock', 'group-qr', 'countdown', 'coupon', 'placeholder']) {
      await shot(`${only}-${lang}-390`, 390, { lang, only });
    }
  }
} finally {
  await browser.close();
  server.close();
}
