// Not part of the app: the React example's test type-checks this file alone and expects tsc to
// reject both props, proving the JSX types are really checked (no `@ts-expect-error` to hide behind).
export const wrong = <live-player latency="fast" autoplay="yes" />;
