import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isLoggedIn } from './api';
import { CityPage } from './CityPage';
import { changeLanguage, currentLanguage, type Language } from './i18n';
import { NotFound } from './States';
import { UnitPage } from './UnitPage';
import { UNIT_PATH } from './unit-href';

type Route = { page: 'city' } | { page: 'unit'; id: number } | { page: 'missing' };

/** No router library: two kinds of page, told apart by the path. */
function routeOf(pathname: string): Route {
  if (pathname === '/' || pathname === '/cong-khai' || pathname === '/public.html') return { page: 'city' };
  const match = UNIT_PATH.exec(pathname);
  return match ? { page: 'unit', id: Number(match[1]) } : { page: 'missing' };
}

function LanguageSwitch() {
  const { t } = useTranslation();
  const active = currentLanguage();
  const options: Array<{ value: Language; label: string; title: string }> = [
    { value: 'vi', label: 'VI', title: 'Tiếng Việt' },
    { value: 'en', label: 'EN', title: 'English' },
  ];
  return (
    <div
      className="pub-lang"
      role="group"
      aria-label={t('public.languageLabel')}
      data-testid="language-switch"
    >
      {options.map((o) => (
        <button
          key={o.value}
          type="button"
          lang={o.value}
          title={o.title}
          aria-pressed={active === o.value}
          onClick={() => void changeLanguage(o.value)}
        >
          {o.label}
        </button>
      ))}
    </div>
  );
}

function Header() {
  const { t } = useTranslation();
  const [loggedIn, setLoggedIn] = useState(false);
  useEffect(() => {
    void isLoggedIn().then(setLoggedIn);
  }, []);
  return (
    <header className="pub-header">
      <a href="/" className="pub-brand">
        <img src="/favicon.svg" alt="" width="26" height="26" />
        {t('app.name')}
      </a>
      <span className="pub-spacer" />
      <LanguageSwitch />
      <a
        className="pub-button"
        href={loggedIn ? '/app' : '/login'}
        data-testid={loggedIn ? 'landing-open-app' : 'landing-login'}
      >
        {loggedIn ? t('landing.openApp') : t('landing.login')}
      </a>
    </header>
  );
}

export function PublicApp() {
  const { t } = useTranslation();
  const route = routeOf(window.location.pathname);
  return (
    <>
      <a className="pub-skip" href="#main">
        {t('public.skip')}
      </a>
      <Header />
      <main id="main" tabIndex={-1}>
        {route.page === 'city' && <CityPage />}
        {route.page === 'unit' && <UnitPage id={route.id} />}
        {route.page === 'missing' && <NotFound />}
      </main>
      <footer className="pub-footer">
        <p>{t('public.privacyNote')}</p>
        <p>{t('landing.footer')}</p>
      </footer>
    </>
  );
}
