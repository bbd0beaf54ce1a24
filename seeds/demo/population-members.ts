import { FAMILY_NAMES } from './population-data.js';
import type { Random } from './population-random.js';

/* Who lives in a generated household: ages, sexes and family names that hang together. */

export type Sex = 'male' | 'female';

export interface Member {
  sex: Sex;
  age: number;
  isHead: boolean;
  family: string;
}

/** Permanent households hold about 4 people, boarding-house rooms about 1.8; overall about 3.6 (MEAN_HOUSEHOLD_SIZE). */
export const PERMANENT_SIZES = [
  [1, 5],
  [2, 12],
  [3, 20],
  [4, 27],
  [5, 18],
  [6, 10],
  [7, 5],
  [8, 3],
] as const;
export const TEMPORARY_SIZES = [
  [1, 40],
  [2, 40],
  [3, 20],
] as const;

function family(rng: Random): string {
  return rng.weighted(FAMILY_NAMES);
}

const otherSex = (sex: Sex): Sex => (sex === 'male' ? 'female' : 'male');
const clamp = (n: number, min: number, max: number) => Math.max(min, Math.min(max, n));

/** Who lives in a household of `size`: a boarding-house room (young workers, couples) or a family over up to three generations. */
export function composeHousehold(rng: Random, temporary: boolean, size: number): Member[] {
  if (temporary) {
    const head: Member = {
      sex: rng.chance(0.55) ? 'male' : 'female',
      age: rng.int(18, 40),
      isHead: true,
      family: family(rng),
    };
    const members = [head];
    const couple = size >= 2 && rng.chance(0.55);
    for (let i = 1; i < size; i++) {
      if (couple && i === 1)
        members.push({
          sex: otherSex(head.sex),
          age: clamp(head.age + rng.int(-4, 4), 18, 45),
          isHead: false,
          family: family(rng),
        });
      else if (couple)
        members.push({
          sex: rng.chance(0.5) ? 'male' : 'female',
          age: rng.int(0, Math.min(8, head.age - 18)),
          isHead: false,
          family: head.sex === 'male' ? head.family : members[1].family,
        });
      else members.push({ sex: head.sex, age: rng.int(18, 35), isHead: false, family: family(rng) });
    }
    return members;
  }
  if (size === 1)
    return [
      { sex: rng.chance(0.45) ? 'male' : 'female', age: rng.int(22, 85), isHead: true, family: family(rng) },
    ];
  const head: Member = {
    sex: rng.chance(0.75) ? 'male' : 'female',
    age: Math.round((rng.int(25, 75) + rng.int(25, 75)) / 2),
    isHead: true,
    family: family(rng),
  };
  const members = [head];
  let slots = size - 1;
  let father = head;
  if (rng.chance(0.88)) {
    const shift = head.sex === 'male' ? -rng.int(0, 7) : rng.int(0, 7);
    const spouse: Member = {
      sex: otherSex(head.sex),
      age: clamp(head.age + shift, 18, 95),
      isHead: false,
      family: family(rng),
    };
    members.push(spouse);
    if (spouse.sex === 'male') father = spouse;
    slots--;
  }
  if (slots >= 2 && head.age <= 55 && rng.chance(0.35)) {
    const sex: Sex = rng.chance(0.65) ? 'female' : 'male';
    members.push({
      sex,
      age: Math.min(95, head.age + rng.int(24, 32)),
      isHead: false,
      family: sex === 'male' && head.sex === 'male' ? head.family : family(rng),
    });
    slots--;
  }
  for (let i = 0; i < slots; i++) {
    const grandchild = head.age >= 55 && rng.chance(0.35);
    const age = grandchild ? rng.int(0, 16) : rng.int(Math.max(0, head.age - 42), Math.max(0, head.age - 20));
    members.push({ sex: rng.chance(0.51) ? 'male' : 'female', age, isHead: false, family: father.family });
  }
  return members;
}
