import { InputNumber, Select, Space, Switch, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { COMPARATORS, type Comparator, type Criterion } from '../../../../domain/criteria/schema';

type Definition = Criterion['definition'];

/** The editable target of one criterion: comparator and value, in percent for ratios, yes/no for facts. */
export function TargetEditor({
  definition,
  readOnly,
  onChange,
}: {
  definition: Definition;
  readOnly: boolean;
  onChange: (next: Definition) => void;
}) {
  const { t, i18n } = useTranslation();
  const decimal = i18n.language === 'en' ? '.' : ',';
  const comparator = (value: Comparator, set: (c: Comparator) => void) => (
    <Select<Comparator>
      value={value}
      disabled={readOnly}
      style={{ width: 64 }}
      onChange={set}
      options={COMPARATORS.map((c) => ({ value: c, label: t(`criteriaEditor.comparator.${c}`) }))}
      aria-label={t('criteriaEditor.criterion.target')}
    />
  );
  switch (definition.kind) {
    case 'ratio':
    case 'factRatio': {
      const target = definition.target;
      return (
        <Space.Compact>
          {comparator(target.comparator, (c) =>
            onChange({ ...definition, target: { ...target, comparator: c } }),
          )}
          <InputNumber<number>
            value={target.percent}
            min={0}
            max={100}
            step={0.5}
            precision={2}
            decimalSeparator={decimal}
            disabled={readOnly}
            suffix="%"
            style={{ width: 120 }}
            onChange={(v) => onChange({ ...definition, target: { ...target, percent: v ?? 0 } })}
          />
        </Space.Compact>
      );
    }
    case 'count': {
      const target = definition.target;
      return (
        <Space.Compact>
          {comparator(target.comparator, (c) =>
            onChange({ ...definition, target: { ...target, comparator: c } }),
          )}
          <InputNumber<number>
            value={target.value}
            min={0}
            step={1}
            precision={0}
            disabled={readOnly}
            style={{ width: 120 }}
            onChange={(v) => onChange({ ...definition, target: { ...target, value: v ?? 0 } })}
          />
        </Space.Compact>
      );
    }
    case 'fact': {
      const target = definition.target;
      if ('equals' in target)
        return (
          <Space>
            <Switch
              checked={target.equals}
              disabled={readOnly}
              onChange={(equals) => onChange({ ...definition, target: { equals } })}
            />
            <Typography.Text>{t('criteriaEditor.criterion.factYes')}</Typography.Text>
          </Space>
        );
      return (
        <Space.Compact>
          {comparator(target.comparator, (c) =>
            onChange({ ...definition, target: { ...target, comparator: c } }),
          )}
          <InputNumber<number>
            value={target.value}
            min={0}
            disabled={readOnly}
            decimalSeparator={decimal}
            style={{ width: 120 }}
            onChange={(v) => onChange({ ...definition, target: { ...target, value: v ?? 0 } })}
          />
        </Space.Compact>
      );
    }
    default:
      return (
        <Typography.Text type="secondary">
          {t('criteriaEditor.criterion.composite', {
            kind: t(`criteriaEditor.criterion.${definition.kind}`),
            parts: definition.of.join(', '),
          })}
        </Typography.Text>
      );
  }
}
