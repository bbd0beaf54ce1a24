/**
 * Appends `value` to the list kept under `key`, creating it on first use. Grouping by copying the list on every
 * push (`map.set(k, [...(map.get(k) ?? []), v])`) is quadratic in the group size.
 */
export function pushTo<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}
