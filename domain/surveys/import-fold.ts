import { foldVietnamese } from '../text/fold.js';

/*
 * foldVietnamese for member names, at import speed. The general fold normalises the whole string (NFD), runs
 * three regular expressions and allocates as many strings; over a million names that is over a second. Names are
 * nearly always Latin letters with Vietnamese marks, so each character is looked up in a table built once FROM
 * foldVietnamese itself (the two cannot drift apart), and anything outside the table's ranges falls back to the
 * general fold.
 */

/** Latin-1, Latin Extended-A/B, combining marks and Latin Extended Additional (ạ…ỹ): all of Vietnamese. */
const RANGES: Array<[number, number]> = [
  [0x80, 0x24f],
  [0x300, 0x36f],
  [0x1e00, 0x1eff],
];
const TABLE_END = 0x1f00;
/** A character's fold, '' for a mark that folds away; undefined: not covered, use the general fold. */
const TABLE: Array<string | undefined> = new Array<string | undefined>(TABLE_END);
const SPACE = ' ';

for (let c = 0; c < 0x80; c++) {
  const ch = String.fromCharCode(c);
  TABLE[c] = /\s/.test(ch) ? SPACE : ch.toLowerCase();
}
for (const [from, to] of RANGES) {
  for (let c = from; c <= to; c++) {
    const ch = String.fromCharCode(c);
    if (/\s/.test(ch)) TABLE[c] = SPACE;
    else {
      const folded = foldVietnamese(ch);
      // Only plain letter-for-letter folds go in the table; anything odd is left to the general fold.
      if (folded.length <= 1) TABLE[c] = folded;
    }
  }
}

/** Exactly foldVietnamese(text): no marks, đ → d, lower case, single spaces, trimmed. */
export function foldName(text: string): string {
  let out = '';
  let pendingSpace = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    const folded = c < TABLE_END ? TABLE[c] : undefined;
    if (folded === undefined) return foldVietnamese(text);
    if (folded === SPACE) {
      pendingSpace = out !== '';
      continue;
    }
    if (folded === '') continue;
    if (pendingSpace) {
      out += SPACE;
      pendingSpace = false;
    }
    out += folded;
  }
  return out;
}
