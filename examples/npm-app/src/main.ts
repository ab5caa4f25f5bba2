// LiveHook from npm, two ways on one page: the core Viewer on your own <video>, and the elements.
import { startCoreViewer } from './core-viewer.js';
import { applyLabels } from './labels.js';
import { startPlayer } from './player-and-widget.js';
import { streamUrl } from './stream-url.js';

applyLabels();

const $ = <T extends HTMLElement>(selector: string) => document.querySelector(selector) as T;

startCoreViewer(streamUrl(), {
  video: $<HTMLVideoElement>('#core-video'),
  state: $<HTMLOutputElement>('#core-state'),
  quality: $<HTMLSelectElement>('#core-quality'),
  metrics: $<HTMLOutputElement>('#core-metrics'),
});
startPlayer(streamUrl(), $<HTMLOutputElement>('#player-state'));
