import { useQuery } from '@tanstack/react-query';
import { Empty, Flex, Input, Spin, Tag, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { UnitSummary } from '../../api/types';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { searchUnits, unitKeys } from './units-api';
import { formatValidity } from './validity';

const MIN_QUERY_LENGTH = 2;
const DEBOUNCE_MS = 250;

function useDebounced(value: string, delay: number): string {
  const [debounced, setDebounced] = useState(value);
  useEffect(() => {
    const timer = window.setTimeout(() => setDebounced(value), delay);
    return () => window.clearTimeout(timer);
  }, [value, delay]);
  return debounced;
}

/** Search over every period (diacritics ignored by the server); each match shows when it was valid. */
export function UnitSearch({ onSelect }: { onSelect: (unit: UnitSummary) => void }) {
  const { t } = useTranslation();
  const [text, setText] = useState('');
  const query = useDebounced(text.trim(), DEBOUNCE_MS);
  const enabled = query.length >= MIN_QUERY_LENGTH;
  const results = useQuery({
    queryKey: unitKeys.search(query, null),
    queryFn: () => searchUnits(query, null),
    enabled,
  });

  return (
    <Flex vertical gap={8}>
      <Input.Search
        allowClear
        placeholder={t('units.searchPlaceholder')}
        value={text}
        onChange={(event) => setText(event.target.value)}
        onSearch={(value) => setText(value)}
        data-testid="unit-search"
        aria-label={t('units.searchPlaceholder')}
      />
      {enabled ? (
        <div className="kps-search-results" data-testid="unit-search-results" aria-live="polite">
          {results.isFetching && !results.data ? <Spin size="small" /> : null}
          {results.error ? <ErrorAlert error={results.error} /> : null}
          {results.data && results.data.items.length === 0 ? (
            <Empty
              image={Empty.PRESENTED_IMAGE_SIMPLE}
              description={t('units.searchEmpty')}
              data-testid="unit-search-empty"
            />
          ) : null}
          {results.data?.items.map((unit) => (
            <button
              type="button"
              key={unit.id}
              className="kps-search-result"
              data-testid="unit-search-result"
              data-unit-id={unit.id}
              onClick={() => onSelect(unit)}
            >
              <Typography.Text strong>{unit.name}</Typography.Text>{' '}
              <Tag>{t(`unitTypes.${unit.type}`, { defaultValue: unit.type })}</Tag>
              {unit.matchedName && unit.matchedName !== unit.name ? (
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  ({t('units.matchedName', { name: unit.matchedName })})
                </Typography.Text>
              ) : null}
              <br />
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {unit.parentName ? `${unit.parentName} · ` : ''}
                {formatValidity(unit, t('units.present'))}
              </Typography.Text>
            </button>
          ))}
        </div>
      ) : null}
    </Flex>
  );
}
