import type { ErrorMessageTable } from '../../error-message-table.js';

/** Error codes of this feature (merged into server/error-messages.ts). */
export const evaluationRoundErrors = {} as const satisfies ErrorMessageTable;
