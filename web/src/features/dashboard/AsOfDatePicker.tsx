import { Button, DatePicker, Flex, Typography } from 'antd';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { DATE_FORMAT, todayIso } from '../../ui/format';

/** The "as of" date of a dashboard, kept in the URL (?date=yyyy-MM-dd) so a view can be shared; today by default. */
export function useAsOfDate(): [string, (date: string | null) => void] {
  const [params, setParams] = useSearchParams();
  const raw = params.get('date');
  const date = raw && /^\d{4}-\d{2}-\d{2}$/.test(raw) ? raw : todayIso();
  const set = (next: string | null) => {
    const copy = new URLSearchParams(params);
    if (!next || next === todayIso()) copy.delete('date');
    else copy.set('date', next);
    setParams(copy, { replace: true });
  };
  return [date, set];
}

export function AsOfDatePicker({
  date,
  onChange,
}: {
  date: string;
  onChange: (date: string | null) => void;
}) {
  const { t } = useTranslation();
  return (
    <Flex align="center" gap={8} wrap>
      <Typography.Text strong>{t('dashboard.asOf')}</Typography.Text>
      <DatePicker
        value={dayjs(date)}
        format={DATE_FORMAT}
        allowClear={false}
        disabledDate={(d) => d.isAfter(dayjs(), 'day')}
        onChange={(d) => onChange(d ? d.format('YYYY-MM-DD') : null)}
        data-testid="as-of-date"
      />
      <Button onClick={() => onChange(null)} disabled={date === todayIso()}>
        {t('dashboard.asOfToday')}
      </Button>
    </Flex>
  );
}
