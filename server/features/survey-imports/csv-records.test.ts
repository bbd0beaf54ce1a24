import { describe, expect, it } from 'vitest';
import { CsvRecords } from './csv-records.js';

const all = (chunks: string[], delimiter = ',') => {
  const reader = new CsvRecords(delimiter);
  return [...chunks.flatMap((c) => reader.push(c)), ...reader.end()];
};

describe('CsvRecords', () => {
  it('splits plain and quoted fields, doubled quotes, CRLF and a BOM', () => {
    expect(all(['\uFEFFa,b\r\n"x, y","say ""hi"""\n', 'last,row'])).toEqual([
      ['a', 'b'],
      ['x, y', 'say "hi"'],
      ['last', 'row'],
    ]);
  });

  it('keeps a newline inside a quoted field and records cut across chunks', () => {
    expect(all(['a,"line 1\nli', 'ne 2",c\nd,', 'e\n'])).toEqual([
      ['a', 'line 1\nline 2', 'c'],
      ['d', 'e'],
    ]);
  });

  it('reads semicolon-separated files', () => {
    expect(all(['a;b\n1;"2;3"\n'], ';')).toEqual([
      ['a', 'b'],
      ['1', '2;3'],
    ]);
  });

  it('refuses a quoted field left open at the end of the file', () => {
    expect(() => all(['a,"open\n'])).toThrow(/not closed/);
  });
});
