import i18n from 'i18next';
import { initReactI18next } from 'react-i18next';
import dayjs from 'dayjs';
import 'dayjs/locale/vi';
import vi from './locales/vi.json';
import en from './locales/en.json';
import { rememberLanguage, storedLanguage, type Language } from './language-preference';

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

export type { Language };
export const LANGUAGES: Language[] = ['vi', 'en'];

/** Applies a language everywhere it matters: dayjs (DatePicker month names) and the remembered choice. */
function applyLanguage(language: Language): void {
  dayjs.locale(language === 'vi' ? 'vi' : 'en');
  rememberLanguage(language);
}

const initial = storedLanguage();
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
