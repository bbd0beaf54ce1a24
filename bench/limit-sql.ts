import { workingAgeBirthRange, latestBirthKeyForAge } from '../domain/criteria/index.js';

/**
 * The benchmark's limit: the counters of "Tân Uyên 2023–2025" written out by hand as one SQL aggregate per table,
 * with no query builder and no engine. Only the date bounds come from the domain (they are constants of the day).
 * Every condition matches what the engine compiles, so both sides do the same work in the database.
 */
export function handWrittenCounterSql(date: string): Array<{ table: string; sql: string; params: string[] }> {
  const m = workingAgeBirthRange(date, 'male', 'labour_code_2019');
  const f = workingAgeBirthRange(date, 'female', 'labour_code_2019');
  const age14 = latestBirthKeyForAge(date, 14);
  const age18 = latestBirthKeyForAge(date, 18);
  const wa = `((sex = 'male' and birth_key <= '${m.bornOnOrBefore}' and birth_key > '${m.bornAfter}') or (sex = 'female' and birth_key <= '${f.bornOnOrBefore}' and birth_key > '${f.bornAfter}'))`;
  const s = (cond: string) => `sum(case when ${cond} then 1 else 0 end)`;
  return [
    {
      table: 'residents',
      params: [],
      sql: `select hamlet_id,
        ${s(`birth_key <= '${age14}'`)}, ${s(`birth_key <= '${age14}' and vneid_level = 2`)}, ${s(`birth_key <= '${age14}' and vneid_level <> 2`)},
        ${s(wa)}, ${s(`${wa} and online_public_service_account = 1 and can_use_online_public_service = 1`)},
        ${s(`${wa} and (online_public_service_account <> 1 or can_use_online_public_service <> 1)`)},
        ${s(`${wa} and digital_payment_account = 1`)}, ${s(`${wa} and digital_payment_account <> 1`)},
        ${s(`${wa} and smart_device = 1`)}, ${s(`${wa} and smart_device <> 1`)},
        ${s(`birth_key <= '${age18}'`)}, ${s(`birth_key <= '${age18}' and telehealth_informed = 1 and online_medical_booking = 1`)},
        ${s(`birth_key <= '${age18}' and (telehealth_informed <> 1 or online_medical_booking <> 1)`)}
        from residents where valid_to is null group by hamlet_id`,
    },
    {
      table: 'households',
      params: [],
      sql: `select hamlet_id, count(*),
        ${s('exists (select 1 from residents m where m.household_uid = h.uid and m.valid_to is null and m.online_public_service_account = 1)')},
        ${s('not exists (select 1 from residents m where m.household_uid = h.uid and m.valid_to is null and (m.online_public_service_account is null or m.online_public_service_account = 1))')},
        ${s('fixed_broadband = 1 or mobile_broadband = 1')}, ${s('fixed_broadband <> 1 and mobile_broadband <> 1')}
        from households h where valid_to is null group by hamlet_id`,
    },
    {
      table: 'businesses',
      params: [],
      sql: `select hamlet_id,
        ${s('ecommerce_eligible = 1')}, ${s('ecommerce_eligible = 1 and listed_online = 1')}, ${s('ecommerce_eligible = 1 and listed_online <> 1')},
        ${s("kind in ('shop', 'household_business')")}, ${s("kind in ('shop', 'household_business') and accepts_cashless = 1")},
        ${s("kind in ('shop', 'household_business') and accepts_cashless <> 1")},
        ${s('ocop_stars >= 1 or is_farm_product = 1')}, ${s('(ocop_stars >= 1 or is_farm_product = 1) and (traceability = 1 or listed_online = 1)')},
        ${s('(ocop_stars >= 1 or is_farm_product = 1) and traceability <> 1 and listed_online <> 1')}
        from businesses where valid_to is null group by hamlet_id`,
    },
    {
      table: 'wifi_points',
      params: [],
      sql: `select hamlet_id, ${s('is_working = 1')}, ${s('is_working is null or is_working = 1')} from wifi_points where valid_to is null group by hamlet_id`,
    },
  ];
}
