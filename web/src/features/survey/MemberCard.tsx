import { DeleteOutlined } from '@ant-design/icons';
import { Button, Card, Checkbox, Input, InputNumber, Radio, Segmented, Select, Space } from 'antd';
import { useTranslation } from 'react-i18next';
import { REMOVAL_REASONS, RESIDENT_FLAGS } from '../../../../domain/surveys/schemas';
import type { DraftMember, FieldErrors, RemovalReason } from '../../../../domain/surveys/survey-draft';
import { TriStateToggle } from './TriStateToggle';

type Patch = Partial<DraftMember>;

function FieldError({ code }: { code?: string }) {
  const { t } = useTranslation();
  if (!code) return null;
  return (
    <div className="kps-survey-error" role="alert">
      {t(`survey.errors.${code}`, { defaultValue: t('survey.errors.invalid') })}
    </div>
  );
}

/** One household member: who they are, then each status flag as yes / no / unknown. */
export function MemberCard({
  member,
  index,
  original,
  errors,
  onChange,
  onRemove,
}: {
  member: DraftMember;
  index: number;
  /** The member as the server had them, to mark what this visit changed; absent for a new member. */
  original?: DraftMember;
  errors: FieldErrors;
  onChange: (patch: Patch) => void;
  onRemove: (reason: RemovalReason) => void;
}) {
  const { t } = useTranslation();
  const err = (field: string) => errors[`members.${index}.${field}`];
  const errorText = (field: string) => {
    const code = err(field);
    return code ? t(`survey.errors.${code}`, { defaultValue: t('survey.errors.invalid') }) : undefined;
  };
  return (
    <Card
      size="small"
      className="kps-survey-member"
      data-testid={`member-${member.uid ?? member.key}`}
      title={
        <span className="kps-survey-member-title">
          {member.fullName || t('survey.member.newMember')}
          {member.birthYear ? ` (${member.birthYear})` : ''}
        </span>
      }
      extra={
        member.uid ? (
          <Select<RemovalReason>
            placeholder={
              <span>
                <DeleteOutlined /> {t('survey.member.remove')}
              </span>
            }
            aria-label={t('survey.member.remove')}
            data-testid="member-remove"
            onChange={(reason) => onRemove(reason)}
            options={REMOVAL_REASONS.map((r) => ({ value: r, label: t(`survey.removalReasons.${r}`) }))}
            popupMatchSelectWidth={false}
            style={{ minWidth: 110 }}
          />
        ) : (
          <Button
            danger
            type="text"
            icon={<DeleteOutlined />}
            aria-label={t('survey.member.remove')}
            onClick={() => onRemove('other')}
          />
        )
      }
    >
      <div className="kps-survey-field">
        <label className="kps-survey-label" htmlFor={`name-${member.key}`}>
          {t('survey.member.fullName')}
        </label>
        <Input
          id={`name-${member.key}`}
          size="large"
          value={member.fullName}
          status={err('fullName') ? 'error' : undefined}
          onChange={(event) => onChange({ fullName: event.target.value })}
          data-testid="member-fullName"
        />
        <FieldError code={err('fullName')} />
      </div>
      <div className="kps-survey-row">
        <div className="kps-survey-field">
          <label className="kps-survey-label" htmlFor={`year-${member.key}`}>
            {t('survey.member.birthYear')}
          </label>
          <InputNumber
            id={`year-${member.key}`}
            size="large"
            inputMode="numeric"
            controls={false}
            style={{ width: '100%' }}
            value={member.birthYear}
            status={err('birthYear') ? 'error' : undefined}
            onChange={(value) => onChange({ birthYear: typeof value === 'number' ? value : null })}
            data-testid="member-birthYear"
          />
          <FieldError code={err('birthYear')} />
        </div>
        <div className="kps-survey-field">
          <span className="kps-survey-label">{t('survey.member.sex')}</span>
          <Segmented
            block
            size="large"
            value={member.sex}
            onChange={(value) => onChange({ sex: value as DraftMember['sex'] })}
            options={[
              { value: 'male', label: t('survey.sex.male') },
              { value: 'female', label: t('survey.sex.female') },
            ]}
          />
        </div>
      </div>
      <div className="kps-survey-field">
        <span className="kps-survey-label">{t('survey.member.residency')}</span>
        <Segmented
          block
          size="large"
          value={member.residency}
          onChange={(value) => onChange({ residency: value as DraftMember['residency'] })}
          options={[
            { value: 'permanent', label: t('survey.residency.permanent') },
            { value: 'temporary', label: t('survey.residency.temporary') },
          ]}
        />
      </div>
      <Space direction="vertical" style={{ width: '100%' }}>
        <Checkbox checked={member.isHead} onChange={(event) => onChange({ isHead: event.target.checked })}>
          {t('survey.member.isHead')}
        </Checkbox>
        <FieldError code={err('isHead')} />
      </Space>
      <div className="kps-survey-field" data-testid="member-vneidLevel">
        <span className="kps-survey-label">{t('survey.member.vneidLevel')}</span>
        <Radio.Group
          className="kps-survey-tristate kps-survey-choice4"
          optionType="button"
          buttonStyle="solid"
          size="large"
          value={member.vneidLevel === null ? 'unknown' : String(member.vneidLevel)}
          onChange={(event) => {
            const value = String(event.target.value);
            onChange({ vneidLevel: value === 'unknown' ? null : (Number(value) as 0 | 1 | 2) });
          }}
          options={[
            { value: '2', label: t('survey.vneid.2') },
            { value: '1', label: t('survey.vneid.1') },
            { value: '0', label: t('survey.vneid.0') },
            { value: 'unknown', label: t('survey.tri.unknown') },
          ]}
        />
      </div>
      {RESIDENT_FLAGS.map((flag) => (
        <TriStateToggle
          key={flag}
          testId={`flag-${flag}`}
          label={t(`survey.flags.${flag}`)}
          value={member[flag]}
          changed={original ? original[flag] !== member[flag] : false}
          error={errorText(flag)}
          onChange={(value) => onChange({ [flag]: value } as Patch)}
        />
      ))}
    </Card>
  );
}
