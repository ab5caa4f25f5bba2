// A Vite plugin for this example only: serves LiveHook's built-in demo loop as a live HLS stream at
// /stream/master.m3u8 in `vite` and `vite preview`. Your app plays your own stream URL instead.
import type { IncomingMessage, ServerResponse } from 'node:http';
import { createDemoStream } from '@livehook/testbed/demo-stream';
import type { Plugin } from 'vite';

export function demoStream(mount = '/stream/'): Plugin {
  let stream: ReturnType<typeof createDemoStream> | undefined;
  const serve = (req: IncomingMessage, res: ServerResponse, next: () => void) => {
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
