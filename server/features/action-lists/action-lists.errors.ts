import type { ErrorMessageTable } from '../../error-message-table.js';

/** Error codes of this feature (merged into server/error-messages.ts). */
export const actionListErrors = {
  ACTION_LIST_UNKNOWN_CRITERION: {
    status: 400,
    vi: 'Trường criterionCode: bộ tiêu chí đang áp dụng không có tiêu chí "{code}".',
    en: 'Field criterionCode: the criteria set in force has no criterion "{code}".',
  },
} as const satisfies ErrorMessageTable;
