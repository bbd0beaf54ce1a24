/** Provided by the landingStrings plugin of web/vite.config.ts: sections of web/src/locales/{vi,en}.json. */
declare module 'virtual:landing-strings' {
  type Strings = { app: Record<string, unknown>; landing: Record<string, unknown> };
  export const vi: Strings;
  export const en: Strings;
}
