import i18n from 'i18next';
import { initReactI18next } from 'react-i18next';
// The programme texts of the app's locale files, picked at build time (web/vite.config.ts), not the whole files.
import { en as enLanding, vi as viLanding } from 'virtual:landing-strings';
import viPublic from '../locales/public/vi.json';
import enPublic from '../locales/public/en.json';
import { rememberLanguage, storedLanguage, type Language } from '../language-preference';

export type { Language };

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
  rememberLanguage(language);
  await i18n.changeLanguage(language);
}

export function currentLanguage(): Language {
  return i18n.language === 'en' ? 'en' : 'vi';
}
