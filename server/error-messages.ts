import type { ErrorMessageTable } from './error-message-table.js';
import { actionListErrors } from './features/action-lists/action-lists.errors.js';
import { dashboardErrors } from './features/dashboards/dashboards.errors.js';
import { evaluationRoundErrors } from './features/evaluation-rounds/evaluation-rounds.errors.js';
import { publicScorecardErrors } from './features/public-scorecards/public-scorecards.errors.js';

/** Every error code the API can return, with its HTTP status and its message in Vietnamese and English. */
const coreErrors = {
  VALIDATION_FAILED: { status: 400, vi: 'Dữ liệu không hợp lệ.', en: 'The input is not valid.' },
  UNKNOWN_FIELD: { status: 400, vi: 'Trường không được hỗ trợ: {field}.', en: 'Unknown field: {field}.' },
  BAD_REQUEST: { status: 400, vi: 'Yêu cầu không hợp lệ.', en: 'Bad request.' },
  INVALID_JSON: { status: 400, vi: 'Nội dung JSON không đọc được.', en: 'The JSON body cannot be parsed.' },
  PAYLOAD_TOO_LARGE: { status: 413, vi: 'Dữ liệu gửi lên quá lớn.', en: 'The request body is too large.' },
  UNSUPPORTED_MEDIA_TYPE: {
    status: 415,
    vi: 'Kiểu nội dung không được hỗ trợ.',
    en: 'Unsupported content type.',
  },
  NOT_FOUND: {
    status: 404,
    vi: 'Không tìm thấy địa chỉ yêu cầu.',
    en: 'The requested resource was not found.',
  },
  ROUTE_NOT_FOUND: { status: 404, vi: 'Không có đường dẫn {method} {url}.', en: 'No route {method} {url}.' },
  UNIT_NOT_FOUND: {
    status: 404,
    vi: 'Không tìm thấy đơn vị hành chính.',
    en: 'Administrative unit not found.',
  },
  UNIT_NOT_IN_SCOPE: {
    status: 403,
    vi: 'Bạn không có quyền truy cập đơn vị hành chính này.',
    en: 'You do not have access to this administrative unit.',
  },
  UNIT_NOT_VALID_ON_DATE: {
    status: 400,
    vi: 'Đơn vị hành chính không tồn tại vào ngày {date}.',
    en: 'The administrative unit does not exist on {date}.',
  },
  UNIT_PARENT_INVALID: {
    status: 400,
    vi: 'Đơn vị cấp trên không hợp lệ cho cấp {level}.',
    en: 'The parent is not valid for level {level}.',
  },
  UNIT_TYPE_INVALID: {
    status: 400,
    vi: 'Loại đơn vị "{type}" không hợp lệ cho cấp {level}.',
    en: 'Unit type "{type}" is not valid for level {level}.',
  },
  UNIT_CODE_TAKEN: {
    status: 409,
    vi: 'Mã đơn vị {code} đã được dùng.',
    en: 'Unit code {code} is already used.',
  },
  UNIT_CHANGE_DATE_INVALID: {
    status: 400,
    vi: 'Ngày hiệu lực phải sau ngày bắt đầu của tên hiện tại ({date}).',
    en: 'The effective date must be after the current name began ({date}).',
  },
  IMPORT_FAILED: {
    status: 422,
    vi: 'Tệp nhập có {count} dòng lỗi; chưa có dữ liệu nào được ghi.',
    en: 'The import file has {count} bad rows; nothing was written.',
  },
  // admin-units: tree changes
  UNIT_UNCHANGED: {
    status: 400,
    vi: 'Giá trị mới trùng với giá trị hiện tại; không có gì thay đổi.',
    en: 'The new value equals the current one; nothing changes.',
  },
  UNIT_NAME_TAKEN: {
    status: 409,
    vi: 'Đơn vị cấp trên đã có một đơn vị tên "{name}".',
    en: 'The parent already has a unit named "{name}".',
  },
  // admin-units importer: one entry per problem found in a file (listed in IMPORT_FAILED details, never sent alone)
  IMPORT_FILE_EMPTY: {
    status: 422,
    vi: 'Tệp trống, không có dòng tiêu đề.',
    en: 'The file is empty: there is no header row.',
  },
  IMPORT_FILE_UNREADABLE: {
    status: 422,
    vi: 'Không đọc được tệp: {reason}',
    en: 'The file cannot be read: {reason}',
  },
  IMPORT_NOT_UTF8: {
    status: 422,
    vi: 'Tệp không dùng bảng mã UTF-8 (ký tự lỗi ở dòng {row}). Hãy lưu lại tệp CSV với bảng mã UTF-8.',
    en: 'The file is not UTF-8 (bad bytes on row {row}). Save the CSV file again as UTF-8.',
  },
  IMPORT_HEADER_INVALID: {
    status: 422,
    vi: 'Dòng tiêu đề không khớp bố cục nào. Các bố cục nhận được: {expected}. Thiếu cột: {missing}. Cột lạ: {unknown}.',
    en: 'The header row matches no layout. Accepted layouts: {expected}. Missing columns: {missing}. Unknown columns: {unknown}.',
  },
  IMPORT_COLUMN_COUNT: {
    status: 422,
    vi: 'Dòng có {actual} cột, cần {expected} cột như dòng tiêu đề.',
    en: 'The row has {actual} columns; the header has {expected}.',
  },
  IMPORT_VALUE_REQUIRED: {
    status: 422,
    vi: 'Cột {column} không được để trống.',
    en: 'Column {column} must not be empty.',
  },
  IMPORT_CODE_INVALID: {
    status: 422,
    vi: 'Mã "{value}" ở cột {column} không hợp lệ: cần {digits} chữ số.',
    en: 'Code "{value}" in column {column} is not valid: {digits} digits are needed.',
  },
  IMPORT_DATE_INVALID: {
    status: 422,
    vi: 'Ngày "{value}" ở cột {column} không hợp lệ; hãy viết dd/MM/yyyy hoặc yyyy-MM-dd.',
    en: 'Date "{value}" in column {column} is not valid; write dd/MM/yyyy or yyyy-MM-dd.',
  },
  IMPORT_DATE_OUTSIDE_PARENT: {
    status: 422,
    vi: 'Thời gian hiệu lực {from} – {to} nằm ngoài thời gian tồn tại của đơn vị cấp trên ({parentFrom} – {parentTo}).',
    en: 'The validity {from} – {to} lies outside the period of the parent unit ({parentFrom} – {parentTo}).',
  },
  IMPORT_TYPE_UNKNOWN: {
    status: 422,
    vi: 'Không nhận ra loại đơn vị "{value}" ở cột {column} (cấp {level}).',
    en: 'Unit type "{value}" in column {column} is not recognised (level {level}).',
  },
  IMPORT_MERGE_TYPE_INVALID: {
    status: 422,
    vi: 'Kiểu sáp nhập "{value}" không hợp lệ; chỉ nhận full hoặc partial.',
    en: 'Merge type "{value}" is not valid; use full or partial.',
  },
  IMPORT_DUPLICATE: {
    status: 422,
    vi: 'Giá trị {value} ở cột {column} đã có ở dòng {firstRow} với dữ liệu khác.',
    en: 'Value {value} in column {column} already appears on row {firstRow} with different data.',
  },
  IMPORT_DUPLICATE_ROW: {
    status: 422,
    vi: 'Dòng trùng hoàn toàn với dòng {firstRow}; đã bỏ qua.',
    en: 'The row repeats row {firstRow} exactly; it was skipped.',
  },
  IMPORT_PARENT_UNKNOWN: {
    status: 422,
    vi: 'Không tìm thấy đơn vị cấp trên có mã "{value}" (cột {column}) đang tồn tại.',
    en: 'No current parent unit has code "{value}" (column {column}).',
  },
  IMPORT_OLD_UNIT_MISSING: {
    status: 422,
    vi: 'Đơn vị cũ mã "{value}" (còn hiệu lực ngày 30/06/2025) chưa có trong cơ sở dữ liệu; hãy nhập danh mục trước 01/07/2025 trước.',
    en: 'Old unit "{value}" (valid on 30/06/2025) is not in the database; import the pre-July-2025 list first.',
  },
  IMPORT_OLD_UNIT_SKIPPED: {
    status: 422,
    vi: 'Đơn vị cũ mã "{value}" không có trong cơ sở dữ liệu; bỏ qua dòng theo ghi chú: {note}',
    en: 'Old unit "{value}" is not in the database; row skipped as its note explains: {note}',
  },
  IMPORT_NEW_UNIT_MISSING: {
    status: 422,
    vi: 'Đơn vị mới mã "{value}" (hiệu lực từ 01/07/2025) chưa có trong cơ sở dữ liệu; hãy nhập danh mục sau 01/07/2025 trước.',
    en: 'New unit "{value}" (valid from 01/07/2025) is not in the database; import the post-July-2025 list first.',
  },
  IMPORT_HISTORY_CONFLICT: {
    status: 422,
    vi: 'Đơn vị "{value}" đã có lịch sử thay đổi từ ngày {date}; ngày bắt đầu mới phải trước ngày đó.',
    en: 'Unit "{value}" has recorded changes from {date}; the new start date must come before that.',
  },
  IMPORT_TOO_MANY_ISSUES: {
    status: 422,
    vi: 'Còn {count} vấn đề khác không được liệt kê.',
    en: '{count} more problems are not listed.',
  },
  AUTH_REQUIRED: { status: 401, vi: 'Vui lòng đăng nhập.', en: 'Please log in.' },
  AUTH_INVALID_CREDENTIALS: {
    status: 401,
    vi: 'Tên đăng nhập hoặc mật khẩu không đúng.',
    en: 'Wrong username or password.',
  },
  AUTH_ACCOUNT_LOCKED: {
    status: 423,
    vi: 'Tài khoản tạm khóa do đăng nhập sai nhiều lần. Thử lại sau {minutes} phút.',
    en: 'The account is locked after too many failed logins. Try again in {minutes} minutes.',
  },
  AUTH_ACCOUNT_DISABLED: {
    status: 403,
    vi: 'Tài khoản đã bị vô hiệu hóa.',
    en: 'The account is disabled.',
  },
  AUTH_RATE_LIMITED: {
    status: 429,
    vi: 'Quá nhiều lần thử. Vui lòng đợi rồi thử lại.',
    en: 'Too many attempts. Please wait and try again.',
  },
  AUTH_WRONG_PASSWORD: {
    status: 400,
    vi: 'Mật khẩu hiện tại không đúng.',
    en: 'The current password is wrong.',
  },
  AUTH_WEAK_PASSWORD: {
    status: 400,
    vi: 'Mật khẩu phải có ít nhất {min} ký tự.',
    en: 'The password must have at least {min} characters.',
  },
  FORBIDDEN: { status: 403, vi: 'Bạn không có quyền thực hiện thao tác này.', en: 'You may not do this.' },
  USER_NOT_FOUND: { status: 404, vi: 'Không tìm thấy người dùng.', en: 'User not found.' },
  USERNAME_TAKEN: {
    status: 409,
    vi: 'Tên đăng nhập "{username}" đã tồn tại.',
    en: 'The username "{username}" is taken.',
  },
  SCOPE_REQUIRED: {
    status: 400,
    vi: 'Vai trò {role} cần ít nhất một đơn vị phụ trách.',
    en: 'Role {role} needs at least one unit in scope.',
  },
  // auth, users, audit
  USER_SELF_CHANGE_FORBIDDEN: {
    status: 403,
    vi: 'Bạn không thể tự đổi vai trò, tự vô hiệu hóa hay tự đặt lại mật khẩu cho tài khoản của mình.',
    en: 'You cannot change your own role, disable your own account or reset your own password.',
  },
  AUTH_PASSWORD_UNCHANGED: {
    status: 400,
    vi: 'Mật khẩu mới phải khác mật khẩu hiện tại.',
    en: 'The new password must differ from the current one.',
  },
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
  INTERNAL: {
    status: 500,
    vi: 'Lỗi hệ thống. Vui lòng thử lại sau.',
    en: 'Internal error. Please try again later.',
  },
} as const satisfies ErrorMessageTable;

// Newer features keep their codes beside their code; the table is still one map, so codes stay unique.
export const errorMessages = {
  ...coreErrors,
  ...actionListErrors,
  ...dashboardErrors,
  ...evaluationRoundErrors,
  ...publicScorecardErrors,
} as const satisfies ErrorMessageTable;

export type ErrorCode = keyof typeof errorMessages;
