import { foldVietnamese } from '../text/fold.js';
import { UNIT_LEVELS, type UnitLevel } from './constants.js';
import { typeFromName, UNIT_TYPES } from './unit-types.js';

/**
 * How well a unit's full name answers a folded search text; lower is better. The type word is ignored, so
 * "tan uyen" ranks "Phường Tân Uyên" and "Thành phố Tân Uyên" (0: the whole name) above "Huyện Bắc Tân Uyên"
 * (2: a later word begins with it). 1 = the name begins with the text, 3 = the text is inside a word.
 */
export function searchMatchRank(fullName: string, level: UnitLevel, foldedQuery: string): number {
  const type = typeFromName(level, fullName);
  const folded = foldVietnamese(fullName);
  const short = type ? folded.slice(foldVietnamese(UNIT_TYPES[type].word).length + 1) : folded;
  if (short === foldedQuery || folded === foldedQuery) return 0;
  if (short.startsWith(foldedQuery) || folded.startsWith(foldedQuery)) return 1;
  if (` ${short}`.includes(` ${foldedQuery}`)) return 2;
  return 3;
}

/** Position of a level from the top (province 0 … hamlet 3), for ordering mixed lists. */
export function levelRank(level: UnitLevel): number {
  return UNIT_LEVELS.indexOf(level);
}

/** The search text as stored names are folded, without LIKE wildcards (% _ \), which no place name contains. */
export function foldSearchText(text: string): string {
  return foldVietnamese(text.replace(/[%_\\]/g, ' '));
}
