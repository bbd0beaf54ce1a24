import type { ErrorMessageTable } from './error-message-table.js';
import { assessmentErrors } from './features/assessments/assessments.errors.js';
import { surveyErrors } from './features/surveys/surveys.errors.js';
import { actionListErrors } from './features/action-lists/action-lists.errors.js';
import { dashboardErrors } from './features/dashboards/dashboards.errors.js';
import { evaluationRoundErrors } from './features/evaluation-rounds/evaluation-rounds.errors.js';
import { publicScorecardErrors } from './features/public-scorecards/public-scorecards.errors.js';

/** Error codes shared by every feature (HTTP, units, auth, users) with their status and vi/en messages. */
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
  INTERNAL: {
    status: 500,
    vi: 'Lỗi hệ thống. Vui lòng thử lại sau.',
    en: 'Internal error. Please try again later.',
  },
} as const satisfies ErrorMessageTable;

/** The tables merged below; server/error-messages.test.ts checks that no code is defined in two of them. */
export const errorTables: Record<string, ErrorMessageTable> = {
  coreErrors,
  surveyErrors,
  assessmentErrors,
  actionListErrors,
  dashboardErrors,
  evaluationRoundErrors,
  publicScorecardErrors,
};

/** Every error code the API can return; features keep their codes beside their code. */
export const errorMessages = {
  ...coreErrors,
  ...surveyErrors,
  ...assessmentErrors,
  ...actionListErrors,
  ...dashboardErrors,
  ...evaluationRoundErrors,
  ...publicScorecardErrors,
} as const satisfies ErrorMessageTable;

export type ErrorCode = keyof typeof errorMessages;
