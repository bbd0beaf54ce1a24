/*
 * Small-count suppression for the public scorecards (docs/scoring.md, "Công khai"). Pure functions: the server
 * feeds them the raw counts of a whole city tree and publishes only what they mark as shown.
 *
 * Primary rule: a count of people, households or businesses from 1 to 4 is never published; it reads "< 5".
 * Complementary rule: a published count must not let a reader work out a suppressed one, either inside one row
 * (k shown with N shown gives the N − k people WITHOUT the thing) or across the tree (a ward's total minus its other
 * hamlets gives the missing hamlet). Such counts are hidden too, without the "< 5" label, which would be untrue.
 */

/** Below this, a count is small enough to point at a few identifiable people. */
export const SMALL_COUNT_LIMIT = 5;

/** shown: published; below5: a count of 1–4, published as "< 5"; hidden: withheld to protect another count. */
export type CellState = 'shown' | 'below5' | 'hidden';

export interface RatioCounts {
  numerator: number;
  denominator: number;
}

export interface RatioStates {
  numerator: CellState;
  denominator: CellState;
}

/** True for counts 1–4. Zero is published: "none of 30" names nobody. */
export function isSmallCount(count: number): boolean {
  return count >= 1 && count < SMALL_COUNT_LIMIT;
}

/**
 * One row on its own. A small denominator hides both counts (the numerator is at most the denominator, so "< 5" is
 * true of it too). A small numerator reads "< 5". When the complement N − k is small, k is hidden, since k and N
 * together would give it away.
 */
export function primaryRatioStates(counts: RatioCounts): RatioStates {
  if (isSmallCount(counts.denominator)) return { numerator: 'below5', denominator: 'below5' };
  if (isSmallCount(counts.numerator)) return { numerator: 'below5', denominator: 'shown' };
  if (isSmallCount(counts.denominator - counts.numerator))
    return { numerator: 'hidden', denominator: 'shown' };
  return { numerator: 'shown', denominator: 'shown' };
}

/** A count criterion (e.g. wifi points): things of the hamlet, not people, are published as they are. */
export function countState(count: number, countsPeople: boolean): CellState {
  return countsPeople && isSmallCount(count) ? 'below5' : 'shown';
}

/** The percentage is published only when both of its counts are. */
export function isPercentShown(states: RatioStates): boolean {
  return states.numerator === 'shown' && states.denominator === 'shown';
}

/** A node of an additive tree: the parent's counts are the sums of its children's (city → wards → hamlets). */
export interface RatioNode {
  key: string;
  counts: RatioCounts;
  children: RatioNode[];
}

type Side = keyof RatioCounts;
const SIDES: Side[] = ['numerator', 'denominator'];

function collect(node: RatioNode, into: Map<string, RatioNode>): void {
  into.set(node.key, node);
  for (const child of node.children) collect(child, into);
}

/**
 * Picks the extra count to hide in a sum with exactly one hidden member: the smallest positive child count (a zero
 * may be known from elsewhere, e.g. "no businesses", so hiding it would protect nothing), then any child, then the
 * parent. Ties go by key, so every page of the city makes the same choice.
 */
function pickPartner(
  parent: RatioNode,
  members: RatioNode[],
  side: Side,
  states: Map<string, RatioStates>,
): RatioNode | null {
  const open = members.filter((m) => m !== parent && states.get(m.key)![side] === 'shown');
  const byValue = (a: RatioNode, b: RatioNode) =>
    a.counts[side] - b.counts[side] || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0);
  const positive = open.filter((m) => m.counts[side] > 0).sort(byValue);
  if (positive.length > 0) return positive[0];
  if (open.length > 0) return open.sort(byValue)[0];
  return states.get(parent.key)![side] === 'shown' ? parent : null;
}

/**
 * States for every node of one criterion's tree: the primary rule per row, then, until nothing changes, every sum
 * (a parent and its children) with exactly one withheld count gets a second one withheld, so subtraction cannot
 * recover it. Numerators and denominators are sums of their own and are protected separately.
 */
export function suppressRatioTree(root: RatioNode): Map<string, RatioStates> {
  const nodes = new Map<string, RatioNode>();
  collect(root, nodes);
  const states = new Map<string, RatioStates>();
  for (const node of nodes.values()) states.set(node.key, primaryRatioStates(node.counts));
  const sums = [...nodes.values()].filter((n) => n.children.length > 0);

  let changed = true;
  while (changed) {
    changed = false;
    for (const parent of sums) {
      const members = [parent, ...parent.children];
      for (const side of SIDES) {
        const withheld = members.filter((m) => states.get(m.key)![side] !== 'shown');
        if (withheld.length !== 1) continue;
        const partner = pickPartner(parent, members, side, states);
        if (!partner) continue;
        states.set(partner.key, { ...states.get(partner.key)!, [side]: 'hidden' });
        changed = true;
      }
    }
  }
  return states;
}
