// The test bed's parts, by name, as the test-runner plugin and benchmarks start them.
// Each returns { info, stop }: `info` is plain JSON handed to browser tests
// (`await executeServerCommand('testbed:hls')`), `stop` ends every process and server it started.

/** @type {Record<string, () => Promise<{ info: unknown, stop: () => Promise<void> }>>} */
export const testbedParts = {
  hls: async () => (await import('./hls/index.mjs')).startHlsPart(),
  livekit: async () => (await import('./livekit/index.mjs')).startLiveKitPart(),
  demo: async () => (await import('./demo-stream/index.mjs')).startDemoPart(),
  'reference-server': async () => (await import('../examples/server/testbed-part.mjs')).startReferenceServerPart(),
  'shop-api': async () => (await import('./shop-api/index.mjs')).startShopApiPart(),
};
