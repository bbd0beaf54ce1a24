/** Every error code the API can return, with its HTTP status and its message in Vietnamese and English. */
export const errorMessages = {
  VALIDATION_FAILED: { status: 400, vi: 'Dữ liệu không hợp lệ.', en: 'The input is not valid.' },
  UNKNOWN_FIELD: { status: 400, vi: 'Trường không được hỗ trợ: {field}.', en: 'Unknown field: {field}.' },
  BAD_REQUEST: { status: 400, vi: 'Yêu cầu không hợp lệ.', en: 'Bad request.' },
  INVALID_JSON: { status: 400, vi: 'Nội dung JSON không đọc được.', en: 'The JSON body cannot be parsed.' },
  PAYLOAD_TOO_LARGE: { status: 413, vi: 'Dữ liệu gửi lên quá lớn.', en: 'The request body is too large.' },
  UNSUPPORTED_MEDIA_TYPE: { status: 415, vi: 'Kiểu nội dung không được hỗ trợ.', en: 'Unsupported content type.' },
  NOT_FOUND: { status: 404, vi: 'Không tìm thấy địa chỉ yêu cầu.', en: 'The requested resource was not found.' },
  ROUTE_NOT_FOUND: { status: 404, vi: 'Không có đường dẫn {method} {url}.', en: 'No route {method} {url}.' },
  UNIT_NOT_FOUND: { status: 404, vi: 'Không tìm thấy đơn vị hành chính.', en: 'Administrative unit not found.' },
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
  AUTH_WRONG_PASSWORD: { status: 400, vi: 'Mật khẩu hiện tại không đúng.', en: 'The current password is wrong.' },
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
  INTERNAL: { status: 500, vi: 'Lỗi hệ thống. Vui lòng thử lại sau.', en: 'Internal error. Please try again later.' },
} as const satisfies Record<string, { status: number; vi: string; en: string }>;

export type ErrorCode = keyof typeof errorMessages;
