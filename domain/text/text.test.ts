import { describe, expect, it } from 'vitest';
import { foldVietnamese, compareVietnamese } from './fold.js';
import { formatDateVi, formatNumberVi, parseDateVi } from './format.js';

describe('foldVietnamese', () => {
  it.each([
    ['Tân Uyên', 'tan uyen'],
    ['Phường Thái Hòa', 'phuong thai hoa'],
    ['Tân Đông Hiệp', 'tan dong hiep'],
    ['  Khu phố   Khánh Lộc ', 'khu pho khanh loc'],
    ['Thị trấn Tân Bình', 'thi tran tan binh'],
  ])('folds %s to %s', (input, expected) => {
    expect(foldVietnamese(input)).toBe(expected);
  });

  it('folds precomposed and decomposed forms alike', () => {
    expect(foldVietnamese('Ho\u0300a')).toBe(foldVietnamese('Hòa'));
  });
});

describe('compareVietnamese', () => {
  it('sorts numbered hamlets in numeric order', () => {
    expect(['Ấp 10', 'Ấp 2', 'Ấp 1'].sort(compareVietnamese)).toEqual(['Ấp 1', 'Ấp 2', 'Ấp 10']);
  });
});

describe('Vietnamese formats', () => {
  it('writes thousands with dots and decimals with a comma', () => {
    expect(formatNumberVi(1234.5)).toBe('1.234,5');
  });
  it('writes dates as dd/MM/yyyy', () => {
    expect(formatDateVi('2025-07-01')).toBe('01/07/2025');
  });
  it('parses register dates and refuses impossible ones', () => {
    expect(parseDateVi('1/7/2025')).toBe('2025-07-01');
    expect(parseDateVi('2025-06-30')).toBe('2025-06-30');
    expect(parseDateVi('31/02/2025')).toBeNull();
    expect(parseDateVi('hôm qua')).toBeNull();
  });
});
