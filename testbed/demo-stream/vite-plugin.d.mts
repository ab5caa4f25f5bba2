import type { IncomingMessage, ServerResponse } from 'node:http';

type Middleware = (req: IncomingMessage, res: ServerResponse, next: () => void) => void;
type WithMiddlewares = { middlewares: { use(handler: Middleware): unknown } };

/** Structurally a Vite `Plugin` (the test bed does not depend on Vite). */
export interface DemoStreamPlugin {
  name: string;
  configureServer(server: WithMiddlewares): void;
  configurePreviewServer(server: WithMiddlewares): void;
}

/** Serves the built-in demo loop as a live HLS stream under `mount` (default `/stream/`). */
export function demoStream(mount?: string): DemoStreamPlugin;
