// @web/test-runner plugin: starts test-bed parts lazily, once per run, when a browser test asks
// for them through `executeServerCommand('testbed:…')`, and stops all of them when the run ends.

/**
 * Each command returns plain JSON for the browser. Parts register here by name; a part is
 * `() => Promise<{ info: object, stop: () => Promise<void> }>`.
 * @param {Record<string, () => Promise<{ info: unknown, stop: () => Promise<void> }>>} parts
 * @returns {import('@web/test-runner').TestRunnerPlugin}
 */
export function testbedPlugin(parts) {
  /** @type {Map<string, Promise<{ info: unknown, stop: () => Promise<void> }>>} */
  const started = new Map();
  return {
    name: 'livehook-testbed',
    async executeCommand({ command, payload, session }) {
      if (command === 'testbed:offline') {
        // Browser offline emulation (HTTP only; WebRTC ignores it).
        const setOffline = offlineSwitch(session);
        const { offline, ms } = /** @type {{ offline?: boolean, ms?: number }} */ (payload ?? {});
        // Offline also cuts this command channel, so its answer could never arrive: with `ms`, go offline
        // for that long (the page keeps running), come back, and answer then.
        if (offline && ms) {
          await setOffline(true);
          await new Promise((resolve) => setTimeout(resolve, Math.min(ms, 60_000)));
          await setOffline(false);
          return true;
        }
        await setOffline(Boolean(offline));
        return true;
      }
      if (command === 'testbed:netfault') return (await import('./netfault.mjs')).netfaultCommand(payload);
      if (!command.startsWith('testbed:')) return undefined;
      const name = command.slice('testbed:'.length);
      const start = parts[name];
      if (!start) throw new Error(`unknown test-bed part "${name}"; known: ${Object.keys(parts).join(', ')}`);
      if (!started.has(name)) {
        const starting = start();
        started.set(name, starting);
        starting.catch(() => started.delete(name));
      }
      const part = await /** @type {Promise<{ info: unknown }>} */ (started.get(name));
      return part.info;
    },
    async serverStop() {
      (await import('./netfault.mjs')).restoreSync();
      const all = [...started.values()];
      started.clear();
      await Promise.allSettled(all.map(async (p) => (await p).stop()));
    },
  };
}

/**
 * The launcher's own offline switch for a session's page: Playwright's context, or Puppeteer's page (CDP in
 * Chromium, WebDriver BiDi network conditions in Firefox). Classic WebDriver (WebKitGTK) has none.
 * @param {{ id: string, browser: any }} session
 * @returns {(offline: boolean) => Promise<void>}
 */
function offlineSwitch(session) {
  const launcher = session.browser;
  if (launcher.type === 'playwright') {
    const page = launcher.getPage(session.id);
    return (offline) => page.context().setOffline(offline);
  }
  if (launcher.type === 'puppeteer') {
    const page = launcher.getPage(session.id);
    return (offline) => page.setOfflineMode(offline);
  }
  throw new Error(
    `testbed:offline needs browser offline emulation, which only the Playwright and Puppeteer launchers have; ` +
      `${launcher.name} (${launcher.type}) has none. Name such tests *.offline.browser.test.ts so configs without it leave them out.`,
  );
}
