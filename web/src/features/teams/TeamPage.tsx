import { Col, Flex, Result, Row } from 'antd';
import { useTranslation } from 'react-i18next';
import { AssignmentsCard } from './AssignmentsCard';
import { CoverageCard } from './CoverageCard';
import { HamletPageHeader, useHamletId } from './HamletPageHeader';
import { OutreachCard } from './OutreachCard';
import { TeamCard } from './TeamCard';

/** /app/hamlets/:id/team: the digital team, who covers which household, how far they got, and outreach. */
export default function TeamPage() {
  const { t } = useTranslation();
  const hamletId = useHamletId();
  if (hamletId === null) return <Result status="404" subTitle={t('teams.hamlets.notFound')} />;
  return (
    <Flex vertical gap={16}>
      <HamletPageHeader hamletId={hamletId} section="team" />
      <Row gutter={[16, 16]}>
        <Col xs={24} xxl={12}>
          <TeamCard hamletId={hamletId} />
        </Col>
        <Col xs={24} xxl={12}>
          <OutreachCard hamletId={hamletId} />
        </Col>
        <Col xs={24}>
          <CoverageCard hamletId={hamletId} />
        </Col>
        <Col xs={24}>
          <AssignmentsCard hamletId={hamletId} />
        </Col>
      </Row>
    </Flex>
  );
}
