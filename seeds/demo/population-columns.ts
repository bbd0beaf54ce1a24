/*
 * Column order of the rows the population generators yield: SQL (snake_case) names, as bulkInsert and a CSV
 * header want them. The generators and these lists change together.
 */

import {
  HOUSEHOLD_SQL_COLUMNS,
  RESIDENT_SQL_COLUMNS,
  VERSION_SQL_COLUMNS,
} from '../../server/db/survey-columns.js';

/** One row: values in the order of its table's column list. */
export type Row = unknown[];

export const HOUSEHOLD_COLUMNS = [...HOUSEHOLD_SQL_COLUMNS, ...VERSION_SQL_COLUMNS] as const;

export const RESIDENT_COLUMNS = [...RESIDENT_SQL_COLUMNS, ...VERSION_SQL_COLUMNS] as const;

export const BUSINESS_COLUMNS = [
  'uid',
  'hamlet_id',
  'name',
  'kind',
  'accepts_cashless',
  'ecommerce_eligible',
  'listed_online',
  'platforms',
  'ocop_stars',
  'traceability',
  'is_farm_product',
  'valid_from',
  'valid_to',
  'changed_by',
  'change_note',
] as const;

export const WIFI_POINT_COLUMNS = [
  'uid',
  'hamlet_id',
  'name',
  'lat',
  'lng',
  'is_working',
  'provider',
  'valid_from',
  'valid_to',
  'changed_by',
  'change_note',
] as const;

export const HAMLET_FACT_COLUMNS = [
  'uid',
  'hamlet_id',
  'fact_key',
  'value_bool',
  'value_num',
  'evidence',
  'decision_no',
  'decision_date',
  'members',
  'valid_from',
  'valid_to',
  'changed_by',
  'change_note',
] as const;
