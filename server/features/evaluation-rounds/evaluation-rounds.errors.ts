import type { ErrorMessageTable } from '../../error-message-table.js';

/** Error codes of this feature (merged into server/error-messages.ts). */
export const evaluationRoundErrors = {
  ROUND_NOT_FOUND: {
    status: 404,
    vi: 'Không tìm thấy đợt đánh giá.',
    en: 'Evaluation round not found.',
  },
  ROUND_UNIT_NOT_WARD: {
    status: 400,
    vi: 'Trường wardIds: đơn vị {unitId} không phải là phường, xã.',
    en: 'Field wardIds: unit {unitId} is not a ward or commune.',
  },
  ROUND_DEADLINE_BEFORE_ASSESSMENT: {
    status: 400,
    vi: 'Trường deadline: hạn nộp phải từ ngày đánh giá ({date}) trở đi.',
    en: 'Field deadline: the deadline must be on or after the assessment date ({date}).',
  },
  ROUND_CRITERIA_SET_NOT_PUBLISHED: {
    status: 400,
    vi: 'Trường criteriaSetId: bộ tiêu chí chưa được ban hành.',
    en: 'Field criteriaSetId: the criteria set is not published.',
  },
  ROUND_WARD_NOT_IN_ROUND: {
    status: 404,
    vi: 'Phường, xã này không tham gia đợt đánh giá.',
    en: 'This ward does not take part in the evaluation round.',
  },
  ROUND_NOT_OPEN: {
    status: 409,
    vi: 'Đợt đánh giá không còn nhận hồ sơ (trạng thái: {status}).',
    en: 'The evaluation round no longer accepts submissions (status: {status}).',
  },
  ROUND_NOT_STARTED: {
    status: 422,
    vi: 'Chưa đến ngày đánh giá ({date}); chưa thể nộp hồ sơ.',
    en: 'The assessment date ({date}) has not come yet; submissions are not accepted.',
  },
  ROUND_DEADLINE_PASSED: {
    status: 422,
    vi: 'Đã quá hạn nộp hồ sơ ({date}).',
    en: 'The submission deadline ({date}) has passed.',
  },
  ROUND_ALREADY_SUBMITTED: {
    status: 409,
    vi: 'Phường, xã đã nộp hồ sơ cho đợt này (trạng thái: {status}).',
    en: 'The ward has already submitted for this round (status: {status}).',
  },
  ROUND_NO_PILOT_HAMLETS: {
    status: 422,
    vi: 'Phường, xã chưa chọn khu phố, ấp thí điểm nào.',
    en: 'The ward has not marked any pilot hamlet.',
  },
  ROUND_SUBMISSION_NOT_PENDING: {
    status: 409,
    vi: 'Hồ sơ không ở trạng thái chờ duyệt (trạng thái: {status}).',
    en: 'The submission is not awaiting review (status: {status}).',
  },
  ROUND_SUBMISSION_LOCKED: {
    status: 409,
    vi: 'Hồ sơ đã nộp hoặc đã duyệt; không thể thay đổi minh chứng.',
    en: 'The submission has been sent or approved; its evidence cannot change.',
  },
  ROUND_NOTHING_APPROVED: {
    status: 409,
    vi: 'Cần ít nhất một hồ sơ đã duyệt để công bố kết quả.',
    en: 'At least one approved submission is needed to publish the results.',
  },
  ROUND_ALREADY_PUBLISHED: {
    status: 409,
    vi: 'Kết quả đợt đánh giá đã được công bố.',
    en: 'The results of this round are already published.',
  },
  ROUND_NOT_PUBLISHED: {
    status: 409,
    vi: 'Kết quả đợt đánh giá chưa được công bố.',
    en: 'The results of this round are not published yet.',
  },
  ROUND_COMMENT_REQUIRED: {
    status: 400,
    vi: 'Trường comment: cần ghi lý do trả lại (ít nhất 5 ký tự).',
    en: 'Field comment: give the reason for returning (at least 5 characters).',
  },
  EVIDENCE_FILE_REQUIRED: {
    status: 400,
    vi: 'Trường file: chưa chọn tệp minh chứng.',
    en: 'Field file: no evidence file was sent.',
  },
  EVIDENCE_TYPE_NOT_ALLOWED: {
    status: 422,
    vi: 'Trường file: chỉ nhận tệp PDF, JPEG, PNG, DOCX hoặc XLSX (kiểm tra theo nội dung tệp).',
    en: 'Field file: only PDF, JPEG, PNG, DOCX or XLSX files are accepted (checked by content).',
  },
  EVIDENCE_TOO_LARGE: {
    status: 413,
    vi: 'Trường file: tệp vượt quá {limit} MB.',
    en: 'Field file: the file is larger than {limit} MB.',
  },
  EVIDENCE_NOT_FOUND: {
    status: 404,
    vi: 'Không tìm thấy tệp minh chứng.',
    en: 'Evidence file not found.',
  },
} as const satisfies ErrorMessageTable;
