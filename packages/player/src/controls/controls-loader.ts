// Fetches the control bar (control-bar.ts: code, icons, styles) after the first frame, or at once when there is
// no first frame to wait for (a paused stream): starting playback never waits for it, and a player without
// `controls` never downloads it. Offline, a failed fetch is tried again on the player's next update.

type ControlBarModule = typeof import('./control-bar.js');
let bar: ControlBarModule | undefined;
let loading: Promise<ControlBarModule> | undefined;

/** The control bar's module once it is here (one fetch per page, shared by every player). */
export const loadedControls = (): ControlBarModule | undefined => bar;

/** Fetches the bar's module; `soon` waits for the browser to be idle first (right after the first frame). */
export function loadControls(soon = false): Promise<ControlBarModule> {
  loading ??= new Promise<void>((resolve) => (soon ? whenIdle(resolve) : resolve()))
    .then(() => import('./control-bar.js'))
    .then(
      (module) => (bar = module),
      (error: unknown) => {
        loading = undefined;
        throw error;
      },
    );
  return loading;
}

/** After the frame being presented and the work queued behind it (Safari has no requestIdleCallback). */
function whenIdle(run: () => void): void {
  if (typeof requestIdleCallback === 'function') requestIdleCallback(run, { timeout: 300 });
  else setTimeout(run, 50);
}
