/*
 * The record columns of the household and resident tables (SQL names, without the version bookkeeping), in the
 * order bulk loads and CSV files use. The importer and the demo generator both write rows in this order.
 */

export const HOUSEHOLD_SQL_COLUMNS = [
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
] as const;

export const RESIDENT_SQL_COLUMNS = [
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
] as const;

/** Version bookkeeping every survey table carries after its record columns. */
export const VERSION_SQL_COLUMNS = ['valid_from', 'valid_to', 'changed_by', 'change_note'] as const;
