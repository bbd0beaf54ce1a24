/*
 * Column order of the rows the population generators yield: SQL (snake_case) names, as bulkInsert and a CSV
 * header want them. The generators and these lists change together.
 */

/** One row: values in the order of its table's column list. */
export type Row = unknown[];

export const HOUSEHOLD_COLUMNS = [
  'uid',
  'hamlet_id',
  'local_code',
  'address',
  'street',
  'residency',
  'fixed_broadband',
  'mobile_broadband',
  'in_digital_channel',
  'reached_by_outreach',
  'valid_from',
  'valid_to',
  'changed_by',
  'change_note',
] as const;

export const RESIDENT_COLUMNS = [
  'uid',
  'household_uid',
  'hamlet_id',
  'full_name',
  'birth_year',
  'birth_date',
  'birth_key',
  'sex',
  'residency',
  'is_head',
  'vneid_level',
  'online_public_service_account',
  'can_use_online_public_service',
  'digital_payment_account',
  'smart_device',
  'telehealth_informed',
  'online_medical_booking',
  'digital_skills_coached',
  'electronic_health_record',
  'valid_from',
  'valid_to',
  'changed_by',
  'change_note',
] as const;

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
