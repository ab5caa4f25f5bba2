import { describe, expect, it } from 'vitest';
import { layersToQualities, qualityForHeight } from './quality-map.js';

const layers = [
  { quality: 0, width: 320, height: 180, bitrate: 150_000 },
  { quality: 2, width: 1280, height: 720, bitrate: 1_700_000 },
  { quality: 1, width: 640, height: 360, bitrate: 500_000 },
];

describe('simulcast layers as qualities', () => {
  it('lists layers highest first with the same ids as HLS levels', () => {
    const qualities = layersToQualities(layers);
    expect(qualities.map((q) => q.id)).toEqual(['720p', '360p', '180p']);
    expect(qualities[0]).toMatchObject({ label: '720p', width: 1280, height: 720, bitrate: 1_700_000 });
    expect(qualities.map((q) => q.layer.quality)).toEqual([2, 1, 0]);
  });

  it('keeps ids unique and skips empty layers', () => {
    const ids = layersToQualities([
      ...layers,
      { quality: 1, width: 640, height: 360 },
      { quality: 0, width: 0, height: 0 },
    ]).map((q) => q.id);
    expect(ids).toEqual(['720p', '360p', '360p-2', '180p']);
  });

  it('names the layer a decoded frame came from', () => {
    const qualities = layersToQualities(layers);
    expect(qualityForHeight(qualities, 352)?.id).toBe('360p');
    expect(qualityForHeight(qualities, 720)?.id).toBe('720p');
    expect(qualityForHeight(qualities, undefined)).toBeUndefined();
  });
});
