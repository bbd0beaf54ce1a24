import {
  ApartmentOutlined,
  AuditOutlined,
  EnvironmentOutlined,
  FormOutlined,
  HomeOutlined,
  KeyOutlined,
  TeamOutlined,
} from '@ant-design/icons';
import type { ReactNode } from 'react';
// Evaluation rounds (issue 5 §6).
import { TrophyOutlined } from '@ant-design/icons';
// Dashboards (issue 5 §1–2).
import { DashboardOutlined } from '@ant-design/icons';
// Criteria-set editor (issue 5 §5).
import { SettingOutlined } from '@ant-design/icons';
import type { Me } from '../../api/types';

const SURVEY_ROLES: ReadonlyArray<Me['role']> = [
  'team_member',
  'hamlet_head',
  'commune_officer',
  'city_admin',
];
/** The roles that may open evaluation rounds: the menu entry and the rounds page both follow it. */
export const ROUND_ROLES: ReadonlyArray<Me['role']> = ['city_admin', 'commune_officer', 'viewer'];

export interface NavItem {
  path: string;
  labelKey: string;
  icon: ReactNode;
}

/** The menu a user sees follows the abilities the server computed, never the role name alone. */
export function navItemsFor(me: Me): NavItem[] {
  const items: NavItem[] = [
    { path: '/app', labelKey: 'nav.home', icon: <HomeOutlined /> },
    { path: '/app/units', labelKey: 'nav.units', icon: <ApartmentOutlined /> },
    { path: '/app/hamlets', labelKey: 'teams.nav', icon: <EnvironmentOutlined /> },
  ];
  // For them /app opens the dashboard, so it takes the first entry's place instead of a second "Tổng quan".
  if (me.role === 'city_admin' || me.role === 'viewer')
    items[0] = { path: '/app/dashboard', labelKey: 'dashboard.nav', icon: <DashboardOutlined /> };
  const ward = me.role === 'commune_officer' ? me.scope.find((u) => u.level === 'commune') : undefined;
  if (ward)
    items.splice(1, 0, {
      path: `/app/dashboard/ward/${ward.id}`,
      labelKey: 'dashboard.navWard',
      icon: <DashboardOutlined />,
    });
  // Me carries no survey ability yet; these are the roles the survey policy lets write (issue 4).
  if (SURVEY_ROLES.includes(me.role))
    items.push({ path: '/app/survey', labelKey: 'survey.nav', icon: <FormOutlined /> });
  if (ROUND_ROLES.includes(me.role))
    items.push({ path: '/app/rounds', labelKey: 'rounds.nav', icon: <TrophyOutlined /> });
  // Only city admins write criteria sets; the server refuses everyone else (issue 5 §5).
  if (me.role === 'city_admin')
    items.push({ path: '/app/criteria-sets', labelKey: 'criteriaEditor.nav', icon: <SettingOutlined /> });
  if (me.abilities.canManageUsers)
    items.push({ path: '/app/users', labelKey: 'nav.users', icon: <TeamOutlined /> });
  if (me.abilities.canReadAudit)
    items.push({ path: '/app/audit', labelKey: 'nav.audit', icon: <AuditOutlined /> });
  items.push({ path: '/app/password', labelKey: 'nav.password', icon: <KeyOutlined /> });
  return items;
}

/** The menu entry for a location: the longest nav path that prefixes it. */
export function selectedNavPath(items: NavItem[], pathname: string): string {
  const matches = items.filter((item) => pathname === item.path || pathname.startsWith(`${item.path}/`));
  matches.sort((a, b) => b.path.length - a.path.length);
  return matches[0]?.path ?? '/app';
}
