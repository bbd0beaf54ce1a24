/**
 * Folds Vietnamese text for diacritic-insensitive search: "Tân Uyên" → "tan uyen", "Đông" → "dong".
 * NFD splits letters from their combining marks; đ/Đ is a separate letter in Unicode and is mapped by hand.
 * Whitespace is collapsed so that "tan  uyen" matches too.
 */
export function foldVietnamese(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/đ/g, 'd')
    .replace(/Đ/g, 'D')
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .trim();
}

/** Compares two Vietnamese strings the way a Vietnamese reader sorts them (locale-aware, numbers in order). */
export const compareVietnamese: (a: string, b: string) => number = new Intl.Collator('vi', { numeric: true })
  .compare;
