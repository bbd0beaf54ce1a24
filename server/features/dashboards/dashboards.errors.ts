import type { ErrorMessageTable } from '../../error-message-table.js';

/** Error codes of this feature (merged into server/error-messages.ts). */
export const dashboardErrors = {} as const satisfies ErrorMessageTable;
