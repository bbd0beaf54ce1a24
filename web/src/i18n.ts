import i18n from 'i18next';
import { initReactI18next } from 'react-i18next';
import dayjs from 'dayjs';
import 'dayjs/locale/vi';
import vi from './locales/vi.json';
import en from './locales/en.json';

type Messages = Record<string, unknown>;
// Each feature may keep its own strings in locales/<feature>/{vi,en}.json under a top-level key of its own,
// so features do not all edit one large file.
const featureLocales = import.meta.glob<Messages>('./locales/*/*.json', { eager: true, import: 'default' });
function withFeatures(base: Messages, language: string): Messages {
  const merged: Messages = { ...base };
  for (const [file, messages] of Object.entries(featureLocales)) {
    if (file.endsWith(`/${language}.json`)) Object.assign(merged, messages);
  }
  return merged;
}

export type Language = 'vi' | 'en';
export const LANGUAGES: Language[] = ['vi', 'en'];

const STORAGE_KEY = 'kps.lang';
const COOKIE_MAX_AGE = 60 * 60 * 24 * 365;

function readStoredLanguage(): Language {
  try {
    const stored = window.localStorage.getItem(STORAGE_KEY);
    if (stored === 'vi' || stored === 'en') return stored;
  } catch {
    // Private mode may refuse storage; Vietnamese is the default anyway.
  }
  return 'vi';
}

/**
 * Applies a language everywhere it matters: i18next, dayjs (DatePicker month names), <html lang>, localStorage
 * (remembered across visits) and the `lang` cookie, which the server reads to localise its error messages.
 */
function applyLanguage(language: Language): void {
  dayjs.locale(language === 'vi' ? 'vi' : 'en');
  document.documentElement.lang = language;
  document.cookie = `lang=${language}; path=/; max-age=${COOKIE_MAX_AGE}; SameSite=Lax`;
  try {
    window.localStorage.setItem(STORAGE_KEY, language);
  } catch {
    // Storage unavailable: the cookie still carries the choice for this session.
  }
}

const initial = readStoredLanguage();
applyLanguage(initial);

void i18n.use(initReactI18next).init({
  resources: { vi: { translation: withFeatures(vi, 'vi') }, en: { translation: withFeatures(en, 'en') } },
  lng: initial,
  fallbackLng: 'vi',
  interpolation: { escapeValue: false },
  returnNull: false,
});

export async function changeLanguage(language: Language): Promise<void> {
  applyLanguage(language);
  await i18n.changeLanguage(language);
}

export function currentLanguage(): Language {
  return i18n.language === 'en' ? 'en' : 'vi';
}

export default i18n;
