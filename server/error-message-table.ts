/** Shape of an error-code table: HTTP status plus the message in Vietnamese and English ({placeholders} allowed). */
export type ErrorMessageTable = Record<string, { status: number; vi: string; en: string }>;
