import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

// The web app merges web/src/locales/{vi,en}.json with every web/src/locales/<feature>/{vi,en}.json (web/src/i18n.ts).
const localesDir = path.resolve('web/src/locales');
type Tree = { [key: string]: string | Tree };

function read(file: string): Tree {
  return JSON.parse(fs.readFileSync(file, 'utf8')) as Tree;
}

function sources(language: 'vi' | 'en'): Array<{ name: string; tree: Tree }> {
  const features = fs
    .readdirSync(localesDir, { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map((entry) => ({
      name: entry.name,
      tree: read(path.join(localesDir, entry.name, `${language}.json`)),
    }));
  return [{ name: '(base)', tree: read(path.join(localesDir, `${language}.json`)) }, ...features];
}

function flatten(tree: Tree, prefix = ''): Map<string, string> {
  const out = new Map<string, string>();
  for (const [key, value] of Object.entries(tree)) {
    const full = prefix ? `${prefix}.${key}` : key;
    if (typeof value === 'string') out.set(full, value);
    else for (const [k, v] of flatten(value, full)) out.set(k, v);
  }
  return out;
}

function merged(language: 'vi' | 'en'): Map<string, string> {
  const all = new Map<string, string>();
  for (const { tree } of sources(language)) for (const [k, v] of flatten(tree)) all.set(k, v);
  return all;
}

// i18next plural forms: English needs key_one/key_other where Vietnamese (no plural forms) has the bare key.
const pluralBase = (key: string) => key.replace(/_(zero|one|two|few|many|other)$/, '');
const placeholders = (text: string) => [...text.matchAll(/\{\{\s*(\w+)\s*\}\}/g)].map((m) => m[1]).sort();

describe('UI locale files', () => {
  it('give each feature its own top-level keys, so merging never overwrites another feature', () => {
    for (const language of ['vi', 'en'] as const) {
      const owner = new Map<string, string>();
      for (const { name, tree } of sources(language)) {
        for (const key of Object.keys(tree)) {
          expect(owner.get(key), `${language}: "${key}" in ${name} and ${owner.get(key)}`).toBeUndefined();
          owner.set(key, name);
        }
      }
    }
  });

  it('have the same keys in Vietnamese and English, none empty, with the same placeholders', () => {
    const byBase = (all: Map<string, string>) => {
      const out = new Map<string, string[]>();
      for (const [key, text] of all) out.set(pluralBase(key), [...(out.get(pluralBase(key)) ?? []), text]);
      return out;
    };
    const vi = byBase(merged('vi'));
    const en = byBase(merged('en'));
    expect([...vi.keys()].filter((k) => !en.has(k))).toEqual([]);
    expect([...en.keys()].filter((k) => !vi.has(k))).toEqual([]);
    for (const [key, texts] of vi) {
      for (const text of [...texts, ...(en.get(key) ?? [])]) {
        expect(text.trim(), key).not.toBe('');
        expect(placeholders(text), key).toEqual(placeholders(texts[0]));
      }
    }
  });
});
