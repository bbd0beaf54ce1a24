import type { ErrorMessageTable } from '../../error-message-table.js';

/** Error codes of this feature (merged into server/error-messages.ts). */
export const publicScorecardErrors = {
  PUBLIC_UNIT_NOT_FOUND: {
    status: 404,
    vi: 'Trường id: không có trang công khai cho đơn vị này (chỉ các phường, xã và khu phố, ấp hiện hành của thành phố).',
    en: "Field id: there is no public page for this unit (only the city's current wards, communes, neighbourhoods and hamlets).",
  },
} as const satisfies ErrorMessageTable;
