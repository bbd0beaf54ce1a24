/*
 * The reader's language choice, shared by the app and the public pages (kept free of i18next, antd and dayjs so the
 * public bundle stays small): one storage key and one `lang` cookie, so a visitor's choice follows them after logging
 * in, and the server reads the cookie to localise its error messages.
 */

export type Language = 'vi' | 'en';

const STORAGE_KEY = 'kps.lang';
const COOKIE_MAX_AGE = 60 * 60 * 24 * 365;

export function storedLanguage(): Language {
  try {
    const stored = window.localStorage.getItem(STORAGE_KEY);
    if (stored === 'vi' || stored === 'en') return stored;
  } catch {
    // Private mode may refuse storage; Vietnamese is the default anyway.
  }
  return 'vi';
}

/** Sets <html lang> and remembers the choice across visits (localStorage) and for the server (cookie). */
export function rememberLanguage(language: Language): void {
  document.documentElement.lang = language;
  document.cookie = `lang=${language}; path=/; max-age=${COOKIE_MAX_AGE}; SameSite=Lax`;
  try {
    window.localStorage.setItem(STORAGE_KEY, language);
  } catch {
    // Storage unavailable: the cookie still carries the choice for this session.
  }
}
