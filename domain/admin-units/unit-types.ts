import { foldVietnamese } from '../text/fold.js';
import { REFORM_FIRST_DAY_NEW, REFORM_LAST_DAY_OLD, type UnitLevel } from './constants.js';

/*
 * The type catalogue. `word` is how the national lists and official names write the type (it is the prefix of the
 * full name: "Phường Tân Uyên", "Khu phố Khánh Long"); it is data about the Vietnamese source, not UI text.
 * Source: the GSO administrative-unit codes (Decision 124/2004/QĐ-TTg and its updates) and, for hamlets, the
 * Ministry of Home Affairs' Circular 04/2012/TT-BNV; "khu nhà trọ" is the 2026 programme's own unit.
 */
export const UNIT_TYPES = {
  province: { level: 'province', word: 'Tỉnh' },
  municipality: { level: 'province', word: 'Thành phố' },
  urban_district: { level: 'district', word: 'Quận' },
  rural_district: { level: 'district', word: 'Huyện' },
  town: { level: 'district', word: 'Thị xã' },
  city: { level: 'district', word: 'Thành phố' },
  ward: { level: 'commune', word: 'Phường' },
  commune: { level: 'commune', word: 'Xã' },
  township: { level: 'commune', word: 'Thị trấn' },
  special_zone: { level: 'commune', word: 'Đặc khu' },
  neighbourhood: { level: 'hamlet', word: 'Khu phố' },
  hamlet: { level: 'hamlet', word: 'Ấp' },
  village: { level: 'hamlet', word: 'Thôn' },
  residential_group: { level: 'hamlet', word: 'Tổ dân phố' },
  boarding_area: { level: 'hamlet', word: 'Khu nhà trọ' },
} as const satisfies Record<string, { level: UnitLevel; word: string }>;

export type UnitType = keyof typeof UNIT_TYPES;
export const UNIT_TYPE_IDS = Object.keys(UNIT_TYPES) as UnitType[];

/** The type identifiers a unit of `level` may have, in catalogue order. */
export function typesForLevel(level: UnitLevel): UnitType[] {
  return UNIT_TYPE_IDS.filter((t) => UNIT_TYPES[t].level === level);
}

/** True when `type` is a known identifier and belongs to `level` (a "ward" is never a hamlet). */
export function isTypeValidForLevel(type: string, level: UnitLevel): type is UnitType {
  return Object.hasOwn(UNIT_TYPES, type) && UNIT_TYPES[type as UnitType].level === level;
}

/** True when units of `level` can exist on `isoDate`: the district level ends on 30/06/2025. */
export function isLevelInUseOn(level: UnitLevel, isoDate: string): boolean {
  return level !== 'district' || isoDate <= REFORM_LAST_DAY_OLD;
}

/**
 * The levels a unit of `level` may hang under on `isoDate`: communes sit under districts until 30/06/2025 and
 * directly under provinces from 01/07/2025; provinces have no parent.
 */
export function allowedParentLevels(level: UnitLevel, isoDate: string): UnitLevel[] {
  switch (level) {
    case 'province':
      return [];
    case 'district':
      return isoDate <= REFORM_LAST_DAY_OLD ? ['province'] : [];
    case 'commune':
      return isoDate >= REFORM_FIRST_DAY_NEW ? ['province'] : ['district'];
    case 'hamlet':
      return ['commune'];
  }
}

/** Folded type word → identifier, per level; "thanh pho" is a municipality at province level but a city below. */
const typeByWord = new Map<string, UnitType>(
  UNIT_TYPE_IDS.map((t) => [`${UNIT_TYPES[t].level}|${foldVietnamese(UNIT_TYPES[t].word)}`, t]),
);

/**
 * The identifier for a type as written in a list ("Phường", "Thị Trấn", "ấp"), or for the identifier itself
 * ("ward"); null when the word is not a type of that level. Case and diacritics are ignored, so "Thị Trấn"
 * (a spelling found in older GSO extracts) is accepted.
 */
export function typeFromWord(level: UnitLevel, word: string): UnitType | null {
  const trimmed = word.trim();
  if (isTypeValidForLevel(trimmed, level)) return trimmed;
  return typeByWord.get(`${level}|${foldVietnamese(trimmed)}`) ?? null;
}

/** Type words of a level, longest first, so that "Thị xã" is tried before a shorter word could match. */
function wordsOfLevel(level: UnitLevel): Array<{ folded: string; type: UnitType }> {
  return typesForLevel(level)
    .map((type) => ({ folded: foldVietnamese(UNIT_TYPES[type].word), type }))
    .sort((a, b) => b.folded.length - a.folded.length);
}

/**
 * The type of a unit read from the prefix of its full official name ("Thành phố Tân Uyên" at district level →
 * city); null when the name does not begin with a type word of that level followed by a space. The national
 * lists give no type column for provinces and districts, so this is how their type is known.
 */
export function typeFromName(level: UnitLevel, fullName: string): UnitType | null {
  const folded = foldVietnamese(fullName);
  for (const { folded: word, type } of wordsOfLevel(level)) {
    if (folded.startsWith(`${word} `)) return type;
  }
  return null;
}

/**
 * The name a unit takes when its type changes: the old type word at the front is replaced by the new one
 * ("Ấp 3" → "Khu phố 3" when an ấp becomes a khu phố). A name that does not begin with the old word is kept as is.
 */
export function renameForTypeChange(name: string, oldType: UnitType, newType: UnitType): string {
  const oldWord = UNIT_TYPES[oldType].word;
  const trimmed = name.trim();
  const head = trimmed.slice(0, oldWord.length);
  const rest = trimmed.slice(oldWord.length);
  if (foldVietnamese(head) !== foldVietnamese(oldWord) || !/^\s/.test(rest)) return trimmed;
  return `${UNIT_TYPES[newType].word}${rest}`;
}
