import { Radio } from 'antd';
import { useTranslation } from 'react-i18next';
import type { TriState } from './survey-types';

const toValue = (v: TriState) => (v === true ? 'yes' : v === false ? 'no' : 'unknown');
const fromValue = (v: string): TriState => (v === 'yes' ? true : v === 'no' ? false : null);

/**
 * Yes / No / Unknown as three large buttons on their own row, thumb-sized at 360 px. "Unknown" is a real answer:
 * an unanswered question stays unknown and never counts as "no".
 */
export function TriStateToggle({
  label,
  value,
  onChange,
  error,
  testId,
  changed,
}: {
  label: string;
  value: TriState;
  onChange: (value: TriState) => void;
  error?: string;
  testId: string;
  changed?: boolean;
}) {
  const { t } = useTranslation();
  return (
    <div className="kps-survey-field" data-testid={testId} data-value={toValue(value)}>
      <div className="kps-survey-label">
        {label}
        {changed ? <span className="kps-survey-changed">{t('survey.form.changed')}</span> : null}
      </div>
      <Radio.Group
        className="kps-survey-tristate"
        optionType="button"
        buttonStyle="solid"
        size="large"
        value={toValue(value)}
        onChange={(event) => onChange(fromValue(String(event.target.value)))}
        options={[
          { value: 'yes', label: t('survey.tri.yes') },
          { value: 'no', label: t('survey.tri.no') },
          { value: 'unknown', label: t('survey.tri.unknown') },
        ]}
      />
      {error ? (
        <div className="kps-survey-error" role="alert">
          {error}
        </div>
      ) : null}
    </div>
  );
}
