import { InputNumber, Select, Space, Switch, Typography, type InputNumberProps } from 'antd';
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
  /** A comparator and an amount; `key` names the amount's field in the target (percent or value). */
  const compared = <T extends { comparator: Comparator }, K extends keyof T & ('percent' | 'value')>(
    target: T,
    key: K,
    set: (next: T) => void,
    amount: InputNumberProps<number>,
  ) => (
    <Space.Compact>
      {comparator(target.comparator, (c) => set({ ...target, comparator: c }))}
      <InputNumber<number>
        {...amount}
        value={target[key] as number}
        min={0}
        disabled={readOnly}
        style={{ width: 120 }}
        onChange={(v) => set({ ...target, [key]: v ?? 0 })}
      />
    </Space.Compact>
  );
  switch (definition.kind) {
    case 'ratio':
    case 'factRatio':
      return compared(definition.target, 'percent', (target) => onChange({ ...definition, target }), {
        max: 100,
        step: 0.5,
        precision: 2,
        decimalSeparator: decimal,
        suffix: '%',
      });
    case 'count':
      return compared(definition.target, 'value', (target) => onChange({ ...definition, target }), {
        step: 1,
        precision: 0,
      });
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
      return compared(target, 'value', (next) => onChange({ ...definition, target: next }), {
        decimalSeparator: decimal,
      });
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
