import { useQuery } from '@tanstack/react-query';
import { Breadcrumb, Flex, Grid, Segmented, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import { fetchHamlet, teamKeys } from './teams-api';

export type HamletSection = 'team' | 'places' | 'import' | 'actions';
const SECTIONS: HamletSection[] = ['team', 'places', 'import', 'actions'];

/** The hamlet id from the route (/app/hamlets/:id/...), or null when it is not a positive integer. */
export function useHamletId(): number | null {
  const { id } = useParams();
  const value = Number(id);
  return Number.isInteger(value) && value > 0 ? value : null;
}

/**
 * Title shared by a hamlet's officer pages: the hamlet and its ward, and a switch between team, places and
 * import, so an officer working on one hamlet never goes back to the picker.
 */
export function HamletPageHeader({ hamletId, section }: { hamletId: number; section: HamletSection }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const screens = Grid.useBreakpoint();
  const hamlet = useQuery({ queryKey: teamKeys.hamlet(hamletId), queryFn: () => fetchHamlet(hamletId) });
  const parent = hamlet.data?.ancestors.at(-1);
  return (
    <Flex vertical gap={8}>
      <Breadcrumb
        items={[
          { title: <Link to="/app/hamlets">{t('teams.hamlets.title')}</Link> },
          ...(parent ? [{ title: parent.name }] : []),
        ]}
      />
      <Flex justify="space-between" align="center" wrap gap={8}>
        <Typography.Title level={screens.md ? 2 : 3} style={{ margin: 0 }} data-testid="hamlet-title">
          {hamlet.data?.unit.name ?? '…'}
        </Typography.Title>
        <Segmented<HamletSection>
          value={section}
          block={!screens.md}
          style={screens.md ? undefined : { width: '100%' }}
          options={SECTIONS.map((value) => ({ value, label: t(`teams.hamlets.sections.${value}`) }))}
          onChange={(value) => void navigate(`/app/hamlets/${hamletId}/${value}`)}
          data-testid="hamlet-sections"
        />
      </Flex>
    </Flex>
  );
}
