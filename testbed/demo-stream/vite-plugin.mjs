// A Vite plugin for the examples: serves the built-in demo loop as a live HLS stream (at /stream/master.m3u8 by
// default) in `vite` and `vite preview`. A real app plays its own stream URL instead.
import { createDemoStream } from './index.mjs';

/**
 * @param {string} [mount] URL path the stream is served under
 * @returns {import('./vite-plugin.d.mts').DemoStreamPlugin}
 */
export function demoStream(mount = '/stream/') {
  /** @type {ReturnType<typeof createDemoStream> | undefined} */
  let stream;
  /** @param {import('node:http').IncomingMessage} req @param {import('node:http').ServerResponse} res @param {() => void} next */
  const serve = (req, res, next) => {
    const path = new URL(req.url ?? '/', 'http://x').pathname;
    if (!path.startsWith(mount)) return next();
    stream ??= createDemoStream();
    if (!stream.handler(req, res, path.slice(mount.length))) next();
  };
  return {
    name: 'livehook-demo-stream',
    configureServer: (server) => void server.middlewares.use(serve),
    configurePreviewServer: (server) => void server.middlewares.use(serve),
  };
}
