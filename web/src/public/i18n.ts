import i18n from 'i18next';
import { initReactI18next } from 'react-i18next';
// The programme texts of the app's locale files, picked at build time (web/vite.config.ts), not the whole files.
import { en as enLanding, vi as viLanding } from 'virtual:landing-strings';
import viPublic from '../locales/public/vi.json';
import enPublic from '../locales/public/en.json';

export type Language = 'vi' | 'en';

/** The same key and cookie as the app's (web/src/i18n.ts), so a visitor's choice follows them after logging in. */
const STORAGE_KEY = 'kps.lang';
const COOKIE_MAX_AGE = 60 * 60 * 24 * 365;

function storedLanguage(): Language {
  try {
    const stored = window.localStorage.getItem(STORAGE_KEY);
    if (stored === 'vi' || stored === 'en') return stored;
  } catch {
    // Private mode may refuse storage; Vietnamese is the default anyway.
  }
  return 'vi';
}

function applyLanguage(language: Language): void {
  document.documentElement.lang = language;
  document.cookie = `lang=${language}; path=/; max-age=${COOKIE_MAX_AGE}; SameSite=Lax`;
  try {
    window.localStorage.setItem(STORAGE_KEY, language);
  } catch {
    // Storage unavailable: the cookie still carries the choice.
  }
}

const initial = storedLanguage();
document.documentElement.lang = initial;

void i18n.use(initReactI18next).init({
  resources: {
    vi: { translation: { ...viLanding, ...viPublic } },
    en: { translation: { ...enLanding, ...enPublic } },
  },
  lng: initial,
  fallbackLng: 'vi',
  interpolation: { escapeValue: false },
  returnNull: false,
  initAsync: false,
});

export async function changeLanguage(language: Language): Promise<void> {
  applyLanguage(language);
  await i18n.changeLanguage(language);
}

export function currentLanguage(): Language {
  return i18n.language === 'en' ? 'en' : 'vi';
}
