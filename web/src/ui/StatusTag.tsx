import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { statusColor, type AnyCriterionStatus } from './status-colors';

/** A criterion status as a coloured tag: "Đạt" / "Chưa đạt" / "Không đánh giá được". */
export function StatusTag({ status }: { status: AnyCriterionStatus }) {
  const { t } = useTranslation();
  return (
    <Tag color={statusColor(status)} style={{ marginInlineEnd: 0 }}>
      {t(`dashboard.status.${status}`)}
    </Tag>
  );
}
