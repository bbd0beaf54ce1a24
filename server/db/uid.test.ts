import { describe, expect, it } from 'vitest';
import { createUidGenerator, formatUuidV7, newRecordUid } from './uid.js';

const V7 = /^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;
const timestampOf = (uid: string) => parseInt(uid.replaceAll('-', '').slice(0, 12), 16);

describe('newRecordUid (RFC 9562 version 7)', () => {
  it('has the layout, version and variant of a version-7 UUID and carries the current time', () => {
    const before = Date.now();
    const uid = newRecordUid();
    const after = Date.now();
    expect(uid).toMatch(V7);
    const bytes = Buffer.from(uid.replaceAll('-', ''), 'hex');
    expect(bytes[6] >> 4).toBe(7);
    expect(bytes[8] >> 6).toBe(0b10);
    expect(timestampOf(uid)).toBeGreaterThanOrEqual(before);
    expect(timestampOf(uid)).toBeLessThanOrEqual(after);
  });

  it('is strictly increasing for 10,000 calls in the same millisecond', () => {
    const ms = Date.UTC(2026, 10, 28, 5, 0, 0);
    const next = createUidGenerator({ now: () => ms });
    const uids = Array.from({ length: 10_000 }, () => next());
    for (const uid of uids) {
      expect(uid).toMatch(V7);
      expect(timestampOf(uid)).toBe(ms);
    }
    for (let i = 1; i < uids.length; i++) expect(uids[i] > uids[i - 1]).toBe(true);
    expect(new Set(uids).size).toBe(uids.length);
  });

  it('stays increasing when the clock steps back, keeping the last timestamp', () => {
    let ms = 1_800_000_000_000;
    // The counter seeded at the top of its seeding range: increments must still fit and stay ordered.
    const next = createUidGenerator({ now: () => ms, random32: () => 0xffffffff });
    const first = next();
    ms -= 5_000;
    const second = next();
    const third = next();
    expect(second > first).toBe(true);
    expect(third > second).toBe(true);
    expect(timestampOf(third)).toBe(1_800_000_000_000);
    expect(third).toMatch(V7);
  });

  it('makes unique uids across generators in the same millisecond, and from the shared one', () => {
    const ms = Date.UTC(2026, 10, 28);
    const a = createUidGenerator({ now: () => ms });
    const b = createUidGenerator({ now: () => ms });
    const seen = new Set<string>();
    for (let i = 0; i < 50_000; i++) {
      seen.add(a());
      seen.add(b());
      seen.add(newRecordUid());
    }
    expect(seen.size).toBe(150_000);
  });

  it('lays out given bits exactly (the demo generator relies on it)', () => {
    expect(formatUuidV7(0x0123_4567_89ab, 0xcde, 0x3fff, 0x01234567, 0x89ab)).toBe(
      '01234567-89ab-7cde-bfff-0123456789ab',
    );
    expect(formatUuidV7(0, 0, 0, 0, 0)).toBe('00000000-0000-7000-8000-000000000000');
  });
});
