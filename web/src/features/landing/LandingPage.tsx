import {
  BulbOutlined,
  CheckCircleOutlined,
  GlobalOutlined,
  ShopOutlined,
  TeamOutlined,
  WifiOutlined,
} from '@ant-design/icons';
import { Button } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { LanguageSwitch } from '../../ui/LanguageSwitch';
import { useMe } from '../auth/auth-api';
import './landing.css';

const GROUPS: Array<{ key: string; icon: ReactNode }> = [
  { key: 'awareness', icon: <BulbOutlined /> },
  { key: 'skills', icon: <TeamOutlined /> },
  { key: 'infrastructure', icon: <WifiOutlined /> },
  { key: 'economy', icon: <ShopOutlined /> },
  { key: 'society', icon: <GlobalOutlined /> },
];

const TARGETS = ['vneid', 'payment', 'broadband', 'smartphone', 'wifi', 'cashless'] as const;
const STEPS = ['survey', 'track', 'assess'] as const;

/**
 * Public page for visitors: what the programme is, its five criteria groups and its key targets. Plain HTML and
 * CSS rather than antd Card/Typography, so a visitor on a phone downloads as little as possible.
 */
export default function LandingPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const me = useMe();
  const isLoggedIn = Boolean(me.data);
  const entry = (
    <Button
      type="primary"
      data-testid={isLoggedIn ? 'landing-open-app' : 'landing-login'}
      onClick={() => void navigate(isLoggedIn ? '/app' : '/login')}
    >
      {isLoggedIn ? t('landing.openApp') : t('landing.login')}
    </Button>
  );

  return (
    <div className="kps-landing" data-testid="landing-page">
      <header className="kps-header">
        <Link to="/" className="kps-brand">
          <img src="/favicon.svg" alt="" />
          {t('app.name')}
        </Link>
        <span className="kps-header-spacer" />
        <LanguageSwitch />
        {entry}
      </header>

      <main>
        <section className="kps-landing-hero">
          <div className="kps-landing-hero-inner">
            <p className="kps-landing-kicker">{t('landing.kicker')}</p>
            <h1 data-testid="landing-title">{t('landing.title')}</h1>
            <p>{t('landing.lead')}</p>
            <p className="kps-landing-goal">
              <CheckCircleOutlined aria-hidden />
              <strong>{t('landing.goal')}</strong>
            </p>
          </div>
        </section>

        <section className="kps-landing-section" aria-labelledby="landing-groups">
          <h2 id="landing-groups">{t('landing.groupsTitle')}</h2>
          <ol className="kps-landing-grid kps-landing-groups">
            {GROUPS.map((group, index) => (
              <li key={group.key} className="kps-landing-card">
                <span className="kps-landing-icon" aria-hidden>
                  {group.icon}
                </span>
                <div>
                  <h3>
                    {index + 1}. {t(`landing.groups.${group.key}.title`)}
                  </h3>
                  <p>{t(`landing.groups.${group.key}.text`)}</p>
                </div>
              </li>
            ))}
          </ol>
        </section>

        <section className="kps-landing-section" aria-labelledby="landing-targets">
          <h2 id="landing-targets">{t('landing.targetsTitle')}</h2>
          <ul className="kps-landing-grid kps-landing-targets">
            {TARGETS.map((key) => (
              <li key={key} className="kps-landing-card kps-landing-target">
                <span className="kps-target-value">{t(`landing.targets.${key}.value`)}</span>
                <p>{t(`landing.targets.${key}.text`)}</p>
              </li>
            ))}
          </ul>
        </section>

        <section className="kps-landing-section" aria-labelledby="landing-how">
          <h2 id="landing-how">{t('landing.howTitle')}</h2>
          <ol className="kps-landing-grid kps-landing-steps">
            {STEPS.map((key, index) => (
              <li key={key} className="kps-landing-card">
                <div>
                  <h3>
                    {index + 1}. {t(`landing.steps.${key}.title`)}
                  </h3>
                  <p>{t(`landing.steps.${key}.text`)}</p>
                </div>
              </li>
            ))}
          </ol>
          <div className="kps-landing-cta">{entry}</div>
        </section>
      </main>

      <footer className="kps-landing-footer">{t('landing.footer')}</footer>
    </div>
  );
}
