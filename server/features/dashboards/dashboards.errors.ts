import type { ErrorMessageTable } from '../../error-message-table.js';

/** Error codes of this feature (merged into server/error-messages.ts). */
export const dashboardErrors = {
  DASHBOARD_NOT_A_CURRENT_WARD: {
    status: 400,
    vi: 'Trường id: đơn vị này không phải là phường, xã hiện hành.',
    en: 'Field id: this unit is not a current ward or commune.',
  },
  DASHBOARD_NOT_A_HAMLET: {
    status: 400,
    vi: 'Trường id: đơn vị này không phải là khu phố, ấp.',
    en: 'Field id: this unit is not a neighbourhood or hamlet.',
  },
} as const satisfies ErrorMessageTable;
