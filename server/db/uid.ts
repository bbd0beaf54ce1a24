import { randomFillSync } from 'node:crypto';

/*
 * Record uids are RFC 9562 version-7 UUIDs: a 48-bit unix-millisecond timestamp, then a counter, then random bits.
 * Random (v4) uids land all over the three uid indexes of the versioned survey tables; time-ordered ones are
 * appended at the right edge of each B-tree, which keeps bulk imports from thrashing pages larger than the cache.
 *
 * Monotonicity (RFC 9562 §6.2, method 1): rand_a (12 bits) and the top 14 bits of rand_b form a 26-bit counter.
 * A new millisecond seeds it randomly with its top bit clear; further uids in the same millisecond, or while the
 * clock has stepped back, increment it. On the (practically unreachable) overflow the timestamp moves on by one
 * millisecond. The other 48 bits of rand_b are fresh random bits on every call, so two processes making uids in
 * the same millisecond do not collide.
 */

const NIBBLE = '0123456789abcdef';
// Lookup table: a million-row import makes a uid per row, and toString(16) + padStart dominated the profile.
const HEX = Array.from({ length: 256 }, (_, i) => i.toString(16).padStart(2, '0'));

const hex4 = (v: number) => HEX[(v >>> 8) & 255] + HEX[v & 255];
const hex8 = (v: number) => HEX[v >>> 24] + HEX[(v >>> 16) & 255] + HEX[(v >>> 8) & 255] + HEX[v & 255];

/** The `xxxxxxxx-xxxx-7` start of a version-7 UUID: the 48-bit timestamp and the version nibble. */
function timePrefix(ms: number): string {
  const hi = Math.floor(ms / 4294967296) & 0xffff;
  return `${hex4(hi)}${hex4(ms >>> 16)}-${hex4(ms & 0xffff)}-7`;
}

/**
 * Lays out a version-7 UUID: `ms` (48 bits), rand_a (12 bits), then rand_b as 14 + 32 + 16 bits. The variant
 * bits are set here. Exported for the demo generator, whose uids come from a seeded stream.
 */
export function formatUuidV7(
  ms: number,
  randA12: number,
  randB14: number,
  randB32: number,
  randB16: number,
): string {
  return `${timePrefix(ms)}${NIBBLE[(randA12 >>> 8) & 15]}${HEX[randA12 & 255]}-${hex4(0x8000 | (randB14 & 0x3fff))}-${hex8(randB32 >>> 0)}${hex4(randB16)}`;
}

/** Where a generator gets its clock and random 32-bit words; the defaults are `Date.now` and node:crypto. */
export interface UidSource {
  now(): number;
  random32(): number;
}

const POOL_WORDS = 2048;
/** Random 32-bit words from node:crypto, drawn a pool at a time (one syscall per 2,048 words instead of per uid). */
function cryptoRandom32(): () => number {
  const pool = new Uint32Array(POOL_WORDS);
  let next = POOL_WORDS;
  return () => {
    if (next === POOL_WORDS) {
      randomFillSync(pool);
      next = 0;
    }
    return pool[next++];
  };
}

const COUNTER_BITS = 26;
const COUNTER_MAX = 2 ** COUNTER_BITS - 1;

/** A generator of strictly increasing version-7 uids (within this generator; across processes by time). */
export function createUidGenerator(source: Partial<UidSource> = {}): () => string {
  const now = source.now ?? Date.now;
  const random32 = source.random32 ?? cryptoRandom32();
  let lastMs = -1;
  let prefix = '';
  let counter = 0;
  const seed = (ms: number) => {
    lastMs = ms;
    prefix = timePrefix(ms);
    // Top bit clear: at least 2^25 increments before the counter can overflow within one millisecond.
    counter = random32() >>> (32 - COUNTER_BITS + 1);
  };
  return () => {
    const ms = now();
    if (ms > lastMs) seed(ms);
    else if (counter < COUNTER_MAX) counter++;
    else seed(lastMs + 1);
    const randA = counter >>> 14;
    const randB14 = counter & 0x3fff;
    const r = random32();
    const r16 = random32() & 0xffff;
    return `${prefix}${NIBBLE[randA >>> 8]}${HEX[randA & 255]}-${hex4(0x8000 | randB14)}-${hex8(r)}${hex4(r16)}`;
  };
}

/** A new record uid (RFC 9562 UUIDv7), for every survey record and version chain the server creates. */
export const newRecordUid: () => string = createUidGenerator();
