import { Flex, Result } from 'antd';
import { useTranslation } from 'react-i18next';
import { HamletPageHeader, useHamletId } from '../teams/HamletPageHeader';
import { BusinessesCard } from './BusinessesCard';
import { WifiPointsCard } from './WifiPointsCard';

/** /app/hamlets/:id/places: the hamlet's businesses and products, and its free wifi points on a map. */
export default function PlacesPage() {
  const { t } = useTranslation();
  const hamletId = useHamletId();
  if (hamletId === null) return <Result status="404" subTitle={t('teams.hamlets.notFound')} />;
  return (
    <Flex vertical gap={16}>
      <HamletPageHeader hamletId={hamletId} section="places" />
      <WifiPointsCard hamletId={hamletId} />
      <BusinessesCard hamletId={hamletId} />
    </Flex>
  );
}
