import { describe, expect, it } from 'vitest';
import { foldVietnamese } from '../text/fold.js';
import { foldName } from './import-fold.js';
import { memberKeyOf } from './import-household.js';

describe('foldName', () => {
  it('folds names like foldVietnamese', () => {
    expect(foldName('Nguyễn Văn  A')).toBe('nguyen van a');
    expect(foldName('  ĐẶNG thị Ánh\tTuyết ')).toBe('dang thi anh tuyet');
    // Decomposed input (combining marks), as some Mac tools save it.
    expect(foldName('Nguye\u0302\u0303n')).toBe('nguyen');
    expect(foldName('Lê\u00a0Văn')).toBe('le van');
  });

  it('agrees with foldVietnamese on random strings of Vietnamese letters, marks, spaces and others', () => {
    const alphabet = [
      ...'aăâbcdđeêghiklmnoôơpqrstuưvxyAĂÂĐÊÔƠƯàáảãạằắẳẵặầấẩẫậèéẻẽẹềếểễệìíỉĩịòóỏõọồốổỗộờớởỡợùúủũụừứửữựỳýỷỹỵ',
      ...'ÀÁẢÃẠẰẮẲẴẶẦẤẨẪẬÈÉẺẼẸỀẾỂỄỆÌÍỈĨỊÒÓỎÕỌỒỐỔỖỘỜỚỞỠỢÙÚỦŨỤỪỨỬỮỰỲÝỶỸỴ',
      ' ',
      '  ',
      '\t',
      '\u00a0',
      '\u2003',
      '\u0301',
      '\u0323',
      'ß',
      'İ',
      'Σ',
      '中',
      '😀',
      '-',
      "'",
      '.',
      '1',
    ];
    let seed = 42;
    const next = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31);
    for (let n = 0; n < 5000; n++) {
      let s = '';
      const length = next() % 14;
      for (let i = 0; i < length; i++) s += alphabet[next() % alphabet.length];
      expect(foldName(s), JSON.stringify(s)).toBe(foldVietnamese(s));
    }
  });

  it('makes the member key ignore accents, case and spacing, but not the birth year', () => {
    expect(memberKeyOf('Nguyễn Văn A', 1980)).toBe(memberKeyOf('nguyen van  a', 1980));
    expect(memberKeyOf('Nguyễn Văn A', 1980)).not.toBe(memberKeyOf('nguyen van a', 1981));
  });
});
