/*
 * The demo population's own random numbers, so that the same seed gives byte-identical rows on every machine and
 * every Node version (Math.random cannot be seeded). Only 32-bit integer arithmetic is used.
 *
 * sfc32 rather than mulberry32: mulberry32 has 32 bits of state, so two streams seeded differently overlap after
 * about 2^16 draws on average, and uids drawn from a million hamlet streams would collide. sfc32 has 128 bits of
 * state and passes PractRand; it is just as small.
 */

import { formatUuidV7 } from '../../server/db/uid.js';

/** Mixes any number of strings and numbers into four 32-bit words (cyrb128), to seed one independent stream. */
function seedWords(parts: Array<string | number>): [number, number, number, number] {
  const text = parts.join('\u001f');
  let h1 = 1779033703;
  let h2 = 3144134277;
  let h3 = 1013904242;
  let h4 = 2773480762;
  for (let i = 0; i < text.length; i++) {
    const k = text.charCodeAt(i);
    h1 = h2 ^ Math.imul(h1 ^ k, 597399067);
    h2 = h3 ^ Math.imul(h2 ^ k, 2869860233);
    h3 = h4 ^ Math.imul(h3 ^ k, 951274213);
    h4 = h1 ^ Math.imul(h4 ^ k, 2716044179);
  }
  h1 = Math.imul(h3 ^ (h1 >>> 18), 597399067);
  h2 = Math.imul(h4 ^ (h2 >>> 22), 2869860233);
  h3 = Math.imul(h1 ^ (h3 >>> 17), 951274213);
  h4 = Math.imul(h2 ^ (h4 >>> 19), 2716044179);
  h1 ^= h2 ^ h3 ^ h4;
  h2 ^= h1;
  h3 ^= h1;
  h4 ^= h1;
  return [h1 >>> 0, h2 >>> 0, h3 >>> 0, h4 >>> 0];
}

/** A seeded stream of random numbers with the few helpers the generators need. */
export class Random {
  private a: number;
  private b: number;
  private c: number;
  private d: number;

  /** A stream determined entirely by `parts` (e.g. seed, hamlet index, purpose). */
  constructor(...parts: Array<string | number>) {
    [this.a, this.b, this.c, this.d] = seedWords(parts);
    for (let i = 0; i < 12; i++) this.u32();
  }

  /** The next unsigned 32-bit integer (sfc32). */
  u32(): number {
    const t = (((this.a + this.b) | 0) + this.d) | 0;
    this.d = (this.d + 1) | 0;
    this.a = this.b ^ (this.b >>> 9);
    this.b = (this.c + (this.c << 3)) | 0;
    this.c = (this.c << 21) | (this.c >>> 11);
    this.c = (this.c + t) | 0;
    return t >>> 0;
  }

  /** A float in [0, 1). */
  float(): number {
    return this.u32() / 4294967296;
  }

  /** An integer in [min, max], both included. */
  int(min: number, max: number): number {
    return min + Math.floor(this.float() * (max - min + 1));
  }

  /** True with probability p. */
  chance(p: number): boolean {
    return this.float() < p;
  }

  pick<T>(items: readonly T[]): T {
    return items[Math.floor(this.float() * items.length)];
  }

  /** One value, drawn in proportion to its weight. */
  weighted<T>(entries: ReadonlyArray<readonly [T, number]>): T {
    let total = 0;
    for (const [, w] of entries) total += w;
    let roll = this.float() * total;
    for (const [value, w] of entries) {
      roll -= w;
      if (roll < 0) return value;
    }
    return entries[entries.length - 1][0];
  }

  /** A shuffled copy (Fisher–Yates). */
  shuffle<T>(items: readonly T[]): T[] {
    const out = [...items];
    for (let i = out.length - 1; i > 0; i--) {
      const j = Math.floor(this.float() * (i + 1));
      [out[i], out[j]] = [out[j], out[i]];
    }
    return out;
  }

  /** `n` distinct integers from [0, size), in ascending order. */
  sample(size: number, n: number): number[] {
    return this.shuffle(Array.from({ length: size }, (_, i) => i))
      .slice(0, Math.min(n, size))
      .sort((x, y) => x - y);
  }

  /**
   * A UUID in the version-7 layout: the first 48 bits are `serial` (unique per table by construction, and
   * increasing in generation order, so bulk loads append to the uid index instead of scattering), the rest
   * random from this stream.
   */
  uid(serial: number): string {
    const a = this.u32();
    const b = this.u32();
    const c = this.u32();
    return formatUuidV7(serial, a >>> 20, (a >>> 6) & 0x3fff, b, c >>> 16);
  }
}
