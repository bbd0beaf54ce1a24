import { useQuery } from '@tanstack/react-query';
import { Select, Spin } from 'antd';
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { todayIso } from '../../ui/format';
import { searchUnits, unitKeys } from './units-api';

export interface PickedUnit {
  id: number;
  name: string;
}

interface UnitPickerProps {
  value?: number[];
  onChange?: (ids: number[]) => void;
  /** Names of units already chosen (e.g. a user's current scope), so the select can label them. */
  known?: PickedUnit[];
  id?: string;
}

/** Multi-select of units found by server-side search among today's units; works as an antd Form control. */
export function UnitPicker({ value = [], onChange, known = [], id }: UnitPickerProps) {
  const { t } = useTranslation();
  const [text, setText] = useState('');
  const [debounced, setDebounced] = useState('');
  const [labels, setLabels] = useState<Record<number, string>>({});
  useEffect(() => {
    const timer = window.setTimeout(() => setDebounced(text.trim()), 250);
    return () => window.clearTimeout(timer);
  }, [text]);
  const asOf = todayIso();
  const results = useQuery({
    queryKey: unitKeys.search(debounced, asOf),
    queryFn: () => searchUnits(debounced, asOf, 20),
    enabled: debounced.length >= 2,
  });

  const options = useMemo(() => {
    const byId = new Map<number, string>();
    for (const unit of known) byId.set(unit.id, unit.name);
    for (const [unitId, label] of Object.entries(labels)) byId.set(Number(unitId), label);
    for (const unit of results.data?.items ?? []) {
      byId.set(unit.id, unit.parentName ? `${unit.name} (${unit.parentName})` : unit.name);
    }
    return [...byId.entries()].map(([unitId, label]) => ({ value: unitId, label }));
  }, [known, labels, results.data]);

  return (
    <Select<number[]>
      id={id}
      mode="multiple"
      value={value}
      showSearch={{ filterOption: false, onSearch: setText, searchValue: text }}
      placeholder={t('users.scopePlaceholder')}
      notFoundContent={
        results.isFetching ? (
          <Spin size="small" />
        ) : debounced.length >= 2 ? (
          t('units.searchEmpty')
        ) : (
          t('users.scopeTypeMore')
        )
      }
      options={options}
      onChange={(ids) => {
        // Remember labels of chosen units so they stay readable after the search text changes.
        const next = { ...labels };
        for (const option of options) if (ids.includes(option.value)) next[option.value] = option.label;
        setLabels(next);
        setText('');
        onChange?.(ids);
      }}
      data-testid="unit-picker"
      style={{ width: '100%' }}
    />
  );
}
