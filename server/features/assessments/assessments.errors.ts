import type { ErrorMessageTable } from '../../error-message-table.js';

/** Error codes of criteria sets, assessments and pilot hamlets (merged into server/error-messages.ts). */
export const assessmentErrors = {
  // criteria sets and assessments
  CRITERIA_SET_INVALID: {
    status: 400,
    vi: 'Bộ tiêu chí không hợp lệ: {first}',
    en: 'The criteria set is not valid: {first}',
  },
  CRITERIA_SET_NOT_FOUND: { status: 404, vi: 'Không tìm thấy bộ tiêu chí.', en: 'Criteria set not found.' },
  CRITERIA_SET_PUBLISHED: {
    status: 409,
    vi: 'Bộ tiêu chí đã ban hành không được sửa; hãy tạo phiên bản mới.',
    en: 'A published criteria set cannot be edited; create a new version.',
  },
  CRITERIA_SET_VERSION_TAKEN: {
    status: 409,
    vi: 'Bộ tiêu chí {code} đã có phiên bản {version}.',
    en: 'Criteria set {code} already has version {version}.',
  },
  NO_CRITERIA_SET_FOR_DATE: {
    status: 400,
    vi: 'Chưa có bộ tiêu chí nào có hiệu lực vào ngày {date}.',
    en: 'No criteria set is in force on {date}.',
  },
  ASSESSMENT_NOT_FOUND: { status: 404, vi: 'Không tìm thấy kết quả đánh giá.', en: 'Assessment not found.' },
  UNIT_NOT_HAMLET: {
    status: 400,
    vi: 'Đơn vị được chọn không phải khu phố, ấp.',
    en: 'The chosen unit is not a hamlet or neighbourhood.',
  },
  UNIT_NOT_COMMUNE: {
    status: 400,
    vi: 'Đơn vị được chọn không phải xã, phường.',
    en: 'The chosen unit is not a ward or commune.',
  },
  PILOT_NOT_IN_WARD: {
    status: 400,
    vi: 'Khu phố, ấp này không thuộc xã, phường đã chọn.',
    en: 'This hamlet does not belong to the chosen ward.',
  },
  PILOT_LIMIT_REACHED: {
    status: 409,
    vi: 'Mỗi xã, phường chỉ chọn tối đa {limit} khu phố, ấp làm điểm.',
    en: 'A ward may mark at most {limit} pilot hamlets.',
  },
  PILOT_ALREADY_MARKED: {
    status: 409,
    vi: 'Khu phố, ấp này đã là điểm.',
    en: 'This hamlet is already a pilot.',
  },
  PILOT_NOT_FOUND: {
    status: 404,
    vi: 'Khu phố, ấp này chưa được chọn làm điểm.',
    en: 'This hamlet is not a pilot.',
  },
} as const satisfies ErrorMessageTable;
