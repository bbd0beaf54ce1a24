import { describe, expect, it } from 'vitest';
import { errorMessages, errorTables } from './error-messages.js';

describe('error code tables', () => {
  it('define each code once, so merging them never silently replaces a message', () => {
    const owners = new Map<string, string[]>();
    for (const [table, codes] of Object.entries(errorTables))
      for (const code of Object.keys(codes)) owners.set(code, [...(owners.get(code) ?? []), table]);
    expect([...owners].filter(([, tables]) => tables.length > 1)).toEqual([]);
    expect(Object.keys(errorMessages).length).toBe(owners.size);
  });

  it('give every code a 4xx or 5xx status and a message in Vietnamese and English', () => {
    for (const [code, message] of Object.entries(errorMessages)) {
      expect(message.status, code).toBeGreaterThanOrEqual(400);
      expect(message.vi.trim(), code).not.toBe('');
      expect(message.en.trim(), code).not.toBe('');
    }
  });
});
