/**
 * A horizontal bar drawn with CSS (no chart library on public pages). Decorative: the same figures are always
 * written next to it, so screen readers skip it.
 */
export function Meter({ value, max, target }: { value: number; max: number; target?: number | null }) {
  const share = max > 0 ? Math.min(1, Math.max(0, value / max)) : 0;
  return (
    <span className="pub-meter" aria-hidden="true">
      <span className="pub-meter-fill" style={{ width: `${share * 100}%` }} />
      {target != null && max > 0 && (
        <span className="pub-meter-target" style={{ left: `${Math.min(100, (target / max) * 100)}%` }} />
      )}
    </span>
  );
}
