import { errorMessages, type ErrorCode } from './error-messages.js';

export type { ErrorCode };
export type Locale = 'vi' | 'en';

/**
 * The one error type of the server. `code` is stable (clients and tests match on it); the HTTP status and the
 * localised message are looked up from the code, so a route never writes user-facing text itself.
 */
export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    readonly details: Record<string, unknown> = {},
    readonly params: Record<string, string | number> = {},
  ) {
    super(code);
    this.name = 'AppError';
  }

  get status(): number {
    return errorMessages[this.code].status;
  }
}

/** Renders a code's message in the given locale, filling {placeholders} from params. */
export function localiseError(
  code: ErrorCode,
  locale: Locale,
  params: Record<string, string | number> = {},
): string {
  const template = errorMessages[code][locale];
  return template.replace(/\{(\w+)\}/g, (_, key: string) => String(params[key] ?? `{${key}}`));
}

/** Picks vi or en from ?lang=, the `lang` cookie, or Accept-Language; Vietnamese by default. */
export function pickLocale(
  query: unknown,
  cookieLang: string | undefined,
  acceptLanguage: string | undefined,
): Locale {
  const fromQuery =
    typeof query === 'object' && query && 'lang' in query ? (query as { lang?: unknown }).lang : undefined;
  const wanted = String(fromQuery ?? cookieLang ?? '').toLowerCase();
  if (wanted === 'en' || wanted === 'vi') return wanted;
  if (acceptLanguage && /^\s*en\b/i.test(acceptLanguage)) return 'en';
  return 'vi';
}
