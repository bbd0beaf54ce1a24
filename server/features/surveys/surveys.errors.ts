import type { ErrorMessageTable } from '../../error-message-table.js';

/** Error codes of field data collection: teams, survey records, households and their submissions, survey imports (merged into server/error-messages.ts). */
export const surveyErrors = {
  // teams helper: digital teams, assignments, outreach sessions (server/features/digital-teams, outreach-sessions)
  TEAM_MEMBER_ROLE_INVALID: {
    status: 400,
    vi: 'Thành viên Tổ công nghệ số cộng đồng phải là tài khoản tổ viên hoặc trưởng khu phố, ấp.',
    en: 'A team member must be a user with the team member or hamlet head role.',
  },
  TEAM_MEMBER_NOT_IN_HAMLET: {
    status: 400,
    vi: 'Người dùng này không phụ trách khu phố, ấp của tổ.',
    en: "This user's scope does not cover the team's hamlet.",
  },
  TEAM_MEMBER_ALREADY: {
    status: 409,
    vi: 'Người dùng này đã là thành viên của tổ.',
    en: 'This user is already a member of the team.',
  },
  TEAM_MEMBER_NOT_FOUND: {
    status: 404,
    vi: 'Người dùng này không phải thành viên hiện tại của tổ.',
    en: 'This user is not a current member of the team.',
  },
  ASSIGNEE_NOT_TEAM_MEMBER: {
    status: 400,
    vi: 'Chỉ giao hộ cho thành viên hiện tại của Tổ công nghệ số cộng đồng.',
    en: 'Households can only be assigned to a current member of the team.',
  },
  ASSIGNMENT_NOT_FOUND: {
    status: 404,
    vi: 'Hộ này chưa được giao cho ai.',
    en: 'This household is not assigned to anyone.',
  },
  // surveys: hamlet facts and wifi points (server/features/surveys)
  SURVEY_UNIT_NOT_HAMLET: {
    status: 400,
    vi: 'Dữ liệu khảo sát chỉ ghi cho khu phố, ấp; đơn vị này không phải cấp khu phố, ấp.',
    en: 'Survey data belongs to hamlets; this unit is not a hamlet.',
  },
  SURVEY_RECORD_NOT_FOUND: {
    status: 404,
    vi: 'Không tìm thấy bản ghi khảo sát (có thể đã bị xóa).',
    en: 'Survey record not found (it may have been deleted).',
  },
  SURVEY_WRITE_CONFLICT: {
    status: 409,
    vi: 'Bản ghi vừa được người khác cập nhật. Vui lòng tải lại rồi thử lại.',
    en: 'Someone else has just changed this record. Reload and try again.',
  },
  // households: survey submissions and the household register (server/features/households)
  HOUSEHOLD_NOT_FOUND: {
    status: 404,
    vi: 'Không tìm thấy hộ gia đình (có thể đã bị xóa).',
    en: 'Household not found (it may have been removed).',
  },
  HOUSEHOLD_CODE_TAKEN: {
    status: 409,
    vi: 'Mã hộ {localCode} đã có trong khu phố, ấp này.',
    en: 'Household code {localCode} is already used in this hamlet.',
  },
  SURVEY_CONFLICT: {
    status: 409,
    vi: 'Hộ này đã được người khác cập nhật trong lúc bạn ghi. Hãy xem hai phiên bản và chọn phiên bản giữ lại.',
    en: 'Someone else changed this household meanwhile. Compare both versions and choose which to keep.',
  },
  // households: one entry per bad field of a survey submission (listed in VALIDATION_FAILED details, never sent alone)
  SURVEY_ISSUE_MORE_THAN_ONE_HEAD: {
    status: 400,
    vi: 'Mỗi hộ chỉ có một chủ hộ.',
    en: 'A household has at most one head.',
  },
  SURVEY_ISSUE_DUPLICATE_MEMBER: {
    status: 400,
    vi: 'Thành viên này được ghi hai lần.',
    en: 'This member is listed twice.',
  },
  SURVEY_ISSUE_BIRTH_DATE_NOT_IN_BIRTH_YEAR: {
    status: 400,
    vi: 'Ngày sinh không khớp với năm sinh.',
    en: 'The birth date is not in the birth year.',
  },
  SURVEY_ISSUE_NEEDS_ONLINE_PUBLIC_SERVICE_ACCOUNT: {
    status: 400,
    vi: 'Không thể "biết sử dụng dịch vụ công trực tuyến" khi chưa có tài khoản dịch vụ công.',
    en: 'Cannot "use online public services" without an online public service account.',
  },
  SURVEY_ISSUE_BIRTH_YEAR_IN_FUTURE: {
    status: 400,
    vi: 'Năm sinh ở tương lai.',
    en: 'The birth year is in the future.',
  },
  SURVEY_ISSUE_BIRTH_YEAR_IMPLAUSIBLE: {
    status: 400,
    vi: 'Năm sinh không hợp lý (quá 120 tuổi).',
    en: 'The birth year is implausible (over 120 years old).',
  },
  SURVEY_ISSUE_BIRTH_DATE_IN_FUTURE: {
    status: 400,
    vi: 'Ngày sinh ở tương lai.',
    en: 'The birth date is in the future.',
  },
  SURVEY_ISSUE_NOT_A_MEMBER: {
    status: 400,
    vi: 'Người này không phải thành viên của hộ.',
    en: 'This person is not a member of the household.',
  },
  SURVEY_ISSUE_MEMBER_ALSO_REMOVED: {
    status: 400,
    vi: 'Thành viên vừa được sửa vừa bị xóa khỏi hộ.',
    en: 'The member is both edited and removed.',
  },
  SURVEY_ISSUE_HOUSEHOLD_REQUIRED: {
    status: 400,
    vi: 'Hộ mới cần có thông tin hộ và thành viên.',
    en: 'A new household needs its details and members.',
  },
  SURVEY_ISSUE_OTHER_HAMLET: {
    status: 400,
    vi: 'Hộ này thuộc khu phố, ấp khác.',
    en: 'This household belongs to another hamlet.',
  },
  // survey-imports: household/business/wifi imports and exports (issue 4 §6–7)
  SURVEY_IMPORT_KIND_UNSUPPORTED: {
    status: 400,
    vi: 'Chưa hỗ trợ nhập loại dữ liệu "{kind}".',
    en: 'Importing "{kind}" is not supported yet.',
  },
  SURVEY_IMPORT_VALUE_INVALID: {
    status: 422,
    vi: 'Giá trị "{value}" ở cột {column} không hợp lệ; cần {expected}.',
    en: 'Value "{value}" in column {column} is not valid; expected {expected}.',
  },
  SURVEY_IMPORT_HOUSEHOLD_MISSING: {
    status: 422,
    vi: 'Dòng thành viên không có "Mã hộ": không biết thuộc hộ nào.',
    en: 'The member row has no "Mã hộ" (household code): its household is unknown.',
  },
  SURVEY_IMPORT_HOUSEHOLD_CONFLICT: {
    status: 422,
    vi: 'Hộ {code} đã có ở dòng {firstRow} với thông tin hộ khác.',
    en: 'Household {code} already appears on row {firstRow} with different household data.',
  },
  SURVEY_IMPORT_NOT_CONTIGUOUS: {
    status: 422,
    vi: 'Các dòng của hộ {code} phải liền nhau (hộ đã bắt đầu ở dòng {firstRow}).',
    en: 'The rows of household {code} must be contiguous (it began on row {firstRow}).',
  },
  SURVEY_IMPORT_MEMBER_DUPLICATE: {
    status: 422,
    vi: 'Thành viên {name} cùng năm sinh đã có ở dòng {firstRow}.',
    en: 'Member {name} with the same birth year already appears on row {firstRow}.',
  },
  SURVEY_IMPORT_RULE: {
    status: 422,
    vi: 'Dữ liệu không hợp lệ: {reason}.',
    en: 'Invalid data: {reason}.',
  },
  SURVEY_IMPORT_CONCURRENT_CHANGE: {
    status: 409,
    vi: 'Dữ liệu khu phố vừa được người khác thay đổi trong lúc nhập; hãy chạy kiểm tra lại rồi nhập.',
    en: 'The hamlet data changed while importing; run the check again, then import.',
  },
} as const satisfies ErrorMessageTable;
