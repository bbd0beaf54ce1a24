import type { Counter } from './expr.js';
import type {
  CountTarget,
  CriteriaParameters,
  CriterionDefinition,
  CriterionKind,
  FactTarget,
  GroupCode,
  PercentTarget,
  RatioUnit,
} from './schema.js';

/*
 * Plain data shapes of the engine: a compiled set (what to count) and assessment results (what was decided). They
 * are stored as JSON in assessment snapshots, so they hold no functions or class instances.
 */

/** met / not met / not assessable (data missing or zero denominator), and not applicable when a set opts in. */
export type CriterionStatus = 'met' | 'not_met' | 'not_assessable' | 'not_applicable';
export type NotAssessableReason =
  'zero_denominator' | 'unknown_answers' | 'missing_fact' | 'missing_evidence';
/** What a gap counts: the ratio's unit, wifi points, or items (feedback reports, polls). */
export type GapUnit = RatioUnit | 'wifi_points' | 'items';

/** Hamlet facts entered by officers (digitalTeam, onlinePollsPerYear…), with evidence such as a decision number. */
export type HamletFacts = Record<string, { value: boolean | number | null; evidence?: string | null }>;

/** Where each role of a ratio or count is read from in CounterValues. */
export type CounterRefs =
  | { kind: 'ratio'; den: string; yes: string; no: string }
  | { kind: 'count'; count: string; possible: string };

export interface CompiledCriterion {
  code: string;
  group: GroupCode;
  kind: CriterionKind;
  hidden: boolean;
  /** Weight in points mode (0 when the set gives none). */
  points: number;
  definition: CriterionDefinition;
  counters: CounterRefs | null;
  gapUnit: GapUnit | null;
}

/** A criteria set compiled for one assessment date: the counters to compute per hamlet and how to read them. */
export interface CompiledSet {
  setCode: string;
  version: number;
  assessmentDate: string;
  parameters: CriteriaParameters;
  /** Group codes in the set's order. */
  groups: GroupCode[];
  counters: Counter[];
  /** Hamlet facts the set reads. */
  factKeys: string[];
  criteria: CompiledCriterion[];
}

export type CriterionValue =
  { numerator: number; denominator: number } | { count: number } | { fact: boolean | number | null };

export interface CriterionResult {
  code: string;
  group: GroupCode;
  kind: CriterionKind;
  hidden: boolean;
  status: CriterionStatus;
  /** Exact integers for ratios; null for composites. */
  value: CriterionValue | null;
  /** For display only (decisions use exact fractions); null when there is no ratio. Unit: percent. */
  percent: number | null;
  target: PercentTarget | CountTarget | FactTarget | null;
  /** Rows whose answer is unknown (denominator − yes − no, or possible − certain for counts). */
  unknown: number;
  /** How many more units are needed to meet the target; 0 when met, null when it cannot be said. */
  gap: number | null;
  gapUnit: GapUnit | null;
  reason?: NotAssessableReason;
  /** Composites: the codes of their parts. */
  parts?: string[];
  /** Facts: the evidence recorded with the value. */
  evidence?: string | null;
  /** Points mode: points earned and available. */
  points?: number;
  maxPoints?: number;
}

/** "k of N met" for a group or overall; N counts applicable, non-hidden criteria. */
export interface Tally {
  met: number;
  notMet: number;
  notAssessable: number;
  applicable: number;
  points?: number;
  maxPoints?: number;
}

export interface GroupResult extends Tally {
  code: GroupCode;
}

export interface AssessmentResult {
  setCode: string;
  version: number;
  assessmentDate: string;
  criteria: CriterionResult[];
  groups: GroupResult[];
  overall: Tally & { meetsStandard: boolean };
}

/** A criterion over a ward or the city: how many hamlets meet it, and for ratios the value of the summed counters. */
export interface RollupCriterionResult {
  code: string;
  group: GroupCode;
  kind: CriterionKind;
  hidden: boolean;
  hamlets: number;
  hamletsMet: number;
  hamletsNotMet: number;
  hamletsNotAssessable: number;
  hamletsApplicable: number;
  /** Ratios only: the criterion evaluated on the summed raw counters (never an average of percentages). */
  aggregate?: CriterionResult;
}

export interface RollupResult {
  setCode: string;
  version: number;
  assessmentDate: string;
  hamlets: number;
  hamletsMeetingStandard: number;
  criteria: RollupCriterionResult[];
}
