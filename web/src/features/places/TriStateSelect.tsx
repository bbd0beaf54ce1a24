import { Select, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { TriState } from './places-api';

const UNKNOWN = 'unknown';

/** Yes / no / unknown for a survey flag; unknown (null) is a real answer, never shown as "no". */
export function TriStateSelect({
  value,
  onChange,
}: {
  value?: TriState;
  onChange?: (value: TriState) => void;
}) {
  const { t } = useTranslation();
  return (
    <Select<string>
      value={value === true ? 'yes' : value === false ? 'no' : UNKNOWN}
      onChange={(next) => onChange?.(next === 'yes' ? true : next === 'no' ? false : null)}
      style={{ minWidth: 140 }}
      options={[
        { value: 'yes', label: t('places.yes') },
        { value: 'no', label: t('places.no') },
        { value: UNKNOWN, label: t('places.unknown') },
      ]}
    />
  );
}

export function TriStateTag({ value }: { value: TriState | undefined }) {
  const { t } = useTranslation();
  if (value === true) return <Tag color="green">{t('places.yes')}</Tag>;
  if (value === false) return <Tag color="red">{t('places.no')}</Tag>;
  return <Tag>{t('places.unknown')}</Tag>;
}
