// Turns HLS timed metadata into cue payloads: EXT-X-DATERANGE attributes and ID3 TXXX frames.

/** DATERANGE client attribute carrying a cue as base64 (or base64url) JSON. */
export const DATERANGE_CUE_ATTRIBUTE = 'X-LIVEHOOK-CUE';
/** ID3 TXXX description marking a cue frame. */
export const ID3_CUE_DESCRIPTION = 'livehook';

/** Decodes the DATERANGE attribute value (quoted string, base64 JSON) to bytes, or undefined if absent/bad. */
export function decodeDateRangeCue(attributes: Readonly<Record<string, string | undefined>>): Uint8Array | undefined {
  const raw = attributes[DATERANGE_CUE_ATTRIBUTE];
  if (typeof raw !== 'string') return undefined;
  const text = raw.replace(/^"|"$/g, '').replace(/-/g, '+').replace(/_/g, '/');
  try {
    const binary = atob(text);
    return Uint8Array.from(binary, (c) => c.charCodeAt(0));
  } catch {
    return new Uint8Array(); // present but not base64: parseCue reports it
  }
}

/** Encodes a cue for a DATERANGE attribute (what a packager or the test origin writes). */
export function encodeDateRangeCue(cue: object): string {
  const bytes = new TextEncoder().encode(JSON.stringify(cue));
  let binary = '';
  for (const b of bytes) binary += String.fromCharCode(b);
  return btoa(binary);
}

/**
 * Finds LiveHook cue payloads in an ID3v2 tag: TXXX frames whose description is "livehook".
 * Bounds-checked throughout; a malformed tag yields no payloads rather than an exception.
 */
export function readId3CuePayloads(tag: Uint8Array): string[] {
  const payloads: string[] = [];
  if (tag.length < 10 || tag[0] !== 0x49 || tag[1] !== 0x44 || tag[2] !== 0x33) return payloads; // "ID3"
  const version = tag[3]!;
  const size = syncsafe(tag, 6);
  const end = Math.min(tag.length, 10 + size);
  let offset = 10;
  while (offset + 10 <= end) {
    const id = String.fromCharCode(tag[offset]!, tag[offset + 1]!, tag[offset + 2]!, tag[offset + 3]!);
    const frameSize = version >= 4 ? syncsafe(tag, offset + 4) : readUint32(tag, offset + 4);
    const bodyStart = offset + 10;
    const bodyEnd = bodyStart + frameSize;
    if (frameSize <= 0 || bodyEnd > end || !/^[A-Z0-9]{4}$/.test(id)) break;
    if (id === 'TXXX') {
      const text = decodeTxxx(tag.subarray(bodyStart, bodyEnd));
      if (text && text.description === ID3_CUE_DESCRIPTION) payloads.push(text.value);
    }
    offset = bodyEnd;
  }
  return payloads;
}

function decodeTxxx(body: Uint8Array): { description: string; value: string } | undefined {
  if (body.length < 2) return undefined;
  const encoding = body[0];
  // 0 = ISO-8859-1, 3 = UTF-8: both single-byte-terminated. UTF-16 cues are not produced by our tooling.
  if (encoding !== 0 && encoding !== 3) return undefined;
  const rest = body.subarray(1);
  const split = rest.indexOf(0);
  if (split < 0) return undefined;
  const decoder = new TextDecoder(encoding === 3 ? 'utf-8' : 'latin1');
  const description = decoder.decode(rest.subarray(0, split));
  let valueBytes = rest.subarray(split + 1);
  if (valueBytes[valueBytes.length - 1] === 0) valueBytes = valueBytes.subarray(0, -1);
  return { description, value: decoder.decode(valueBytes) };
}

function syncsafe(bytes: Uint8Array, at: number): number {
  return (
    ((bytes[at]! & 0x7f) << 21) |
    ((bytes[at + 1]! & 0x7f) << 14) |
    ((bytes[at + 2]! & 0x7f) << 7) |
    (bytes[at + 3]! & 0x7f)
  );
}

function readUint32(bytes: Uint8Array, at: number): number {
  return ((bytes[at]! << 24) | (bytes[at + 1]! << 16) | (bytes[at + 2]! << 8) | bytes[at + 3]!) >>> 0;
}
