import { foldVietnamese } from '../text/fold.js';

/*
 * The layouts of the import templates (issue 4 §6): Vietnamese column headers, the field each fills, how its cell
 * is read, and the line of the "Hướng dẫn" sheet that explains it. Templates, the importer and the exporter all
 * read these lists, so a file exported today re-imports unchanged.
 */

export const IMPORT_KINDS = ['households', 'businesses', 'wifi-points'] as const;
export type ImportKind = (typeof IMPORT_KINDS)[number];

/** How a cell is read; see import-values.ts. */
export type CellType =
  'text' | 'yesNo' | 'sex' | 'residency' | 'vneid' | 'year' | 'date' | 'number' | 'stars' | 'businessKind';

export interface ImportColumn {
  /** The Vietnamese header, as written in the template. */
  header: string;
  /** The field of the domain schema it fills. */
  field: string;
  type: CellType;
  required?: boolean;
  /** Household columns repeat on every member row of the households layout. */
  household?: boolean;
  /** One line of the "Hướng dẫn" sheet. */
  help: string;
}

const YES_NO_HELP = 'Có / Không (cũng nhận x, 1, 0, c, k, yes, no); để trống nếu chưa biết.';

export const HOUSEHOLD_IMPORT_COLUMNS: readonly ImportColumn[] = [
  {
    header: 'Mã hộ',
    field: 'localCode',
    type: 'text',
    required: true,
    household: true,
    help: 'Mã hộ do khu phố/ấp đặt, duy nhất trong khu phố. Các dòng của cùng một hộ phải liền nhau.',
  },
  { header: 'Địa chỉ', field: 'address', type: 'text', household: true, help: 'Số nhà, hẻm, đường.' },
  {
    header: 'Đường/Tổ',
    field: 'street',
    type: 'text',
    household: true,
    help: 'Tên đường hoặc tổ, dùng để phân công.',
  },
  {
    header: 'Cư trú hộ',
    field: 'residency',
    type: 'residency',
    required: true,
    household: true,
    help: 'Thường trú hoặc Tạm trú.',
  },
  { header: 'Internet cố định', field: 'fixedBroadband', type: 'yesNo', household: true, help: YES_NO_HELP },
  { header: 'Internet di động', field: 'mobileBroadband', type: 'yesNo', household: true, help: YES_NO_HELP },
  {
    header: 'Nhóm Zalo khu phố',
    field: 'inDigitalChannel',
    type: 'yesNo',
    household: true,
    help: YES_NO_HELP,
  },
  {
    header: 'Được tuyên truyền',
    field: 'reachedByOutreach',
    type: 'yesNo',
    household: true,
    help: YES_NO_HELP,
  },
  {
    header: 'Họ và tên',
    field: 'fullName',
    type: 'text',
    help: 'Họ và tên thành viên. Để trống cả phần thành viên nếu hộ chưa có thành viên.',
  },
  { header: 'Năm sinh', field: 'birthYear', type: 'year', help: 'Bốn chữ số, ví dụ 1985.' },
  {
    header: 'Ngày sinh',
    field: 'birthDate',
    type: 'date',
    help: 'dd/MM/yyyy hoặc yyyy-MM-dd; để trống nếu chỉ biết năm sinh.',
  },
  { header: 'Giới tính', field: 'sex', type: 'sex', help: 'Nam hoặc Nữ.' },
  { header: 'Cư trú', field: 'residency', type: 'residency', help: 'Thường trú hoặc Tạm trú.' },
  { header: 'Chủ hộ', field: 'isHead', type: 'yesNo', help: 'Có với chủ hộ (mỗi hộ nhiều nhất một người).' },
  {
    header: 'VNeID',
    field: 'vneidLevel',
    type: 'vneid',
    help: 'Mức 2, Mức 1 hoặc Chưa có (cũng nhận 2, 1, 0); để trống nếu chưa biết.',
  },
  { header: 'Có tài khoản DVC', field: 'onlinePublicServiceAccount', type: 'yesNo', help: YES_NO_HELP },
  {
    header: 'Biết dùng DVC',
    field: 'canUseOnlinePublicService',
    type: 'yesNo',
    help: 'Có chỉ khi người này có tài khoản DVC. ' + YES_NO_HELP,
  },
  { header: 'Tài khoản thanh toán', field: 'digitalPaymentAccount', type: 'yesNo', help: YES_NO_HELP },
  { header: 'Điện thoại thông minh', field: 'smartDevice', type: 'yesNo', help: YES_NO_HELP },
  {
    header: 'Được cung cấp thông tin y tế từ xa',
    field: 'telehealthInformed',
    type: 'yesNo',
    help: YES_NO_HELP,
  },
  { header: 'Đăng ký khám trực tuyến', field: 'onlineMedicalBooking', type: 'yesNo', help: YES_NO_HELP },
  { header: 'Được hướng dẫn kỹ năng số', field: 'digitalSkillsCoached', type: 'yesNo', help: YES_NO_HELP },
  { header: 'Hồ sơ sức khỏe điện tử', field: 'electronicHealthRecord', type: 'yesNo', help: YES_NO_HELP },
];

export const BUSINESS_IMPORT_COLUMNS: readonly ImportColumn[] = [
  {
    header: 'Tên',
    field: 'name',
    type: 'text',
    required: true,
    help: 'Tên cơ sở hoặc sản phẩm, duy nhất trong khu phố (dùng để đối chiếu khi nhập lại).',
  },
  {
    header: 'Loại',
    field: 'kind',
    type: 'businessKind',
    required: true,
    help: 'Cửa hàng, Hộ kinh doanh, Nông trại, Hợp tác xã hoặc Khác.',
  },
  { header: 'Thanh toán không tiền mặt', field: 'acceptsCashless', type: 'yesNo', help: YES_NO_HELP },
  { header: 'Đủ điều kiện lên sàn TMĐT', field: 'ecommerceEligible', type: 'yesNo', help: YES_NO_HELP },
  { header: 'Đã lên sàn TMĐT', field: 'listedOnline', type: 'yesNo', help: YES_NO_HELP },
  { header: 'Sàn TMĐT', field: 'platforms', type: 'text', help: 'Tên các sàn, cách nhau bởi dấu phẩy.' },
  {
    header: 'Sao OCOP',
    field: 'ocopStars',
    type: 'stars',
    help: '1 đến 5; để trống nếu chưa được chứng nhận.',
  },
  { header: 'Truy xuất nguồn gốc', field: 'traceability', type: 'yesNo', help: YES_NO_HELP },
  { header: 'Nông sản', field: 'isFarmProduct', type: 'yesNo', help: 'Có nếu là sản phẩm nông nghiệp.' },
];

export const WIFI_IMPORT_COLUMNS: readonly ImportColumn[] = [
  {
    header: 'Tên',
    field: 'name',
    type: 'text',
    required: true,
    help: 'Tên điểm wifi, duy nhất trong khu phố (dùng để đối chiếu khi nhập lại).',
  },
  {
    header: 'Vĩ độ',
    field: 'lat',
    type: 'number',
    required: true,
    help: 'Vĩ độ thập phân, ví dụ 11.0412 (dấu chấm hoặc dấu phẩy).',
  },
  {
    header: 'Kinh độ',
    field: 'lng',
    type: 'number',
    required: true,
    help: 'Kinh độ thập phân, ví dụ 106.7567.',
  },
  { header: 'Hoạt động', field: 'isWorking', type: 'yesNo', help: YES_NO_HELP },
  { header: 'Nhà cung cấp', field: 'provider', type: 'text', help: 'Ví dụ VNPT, Viettel.' },
];

export const IMPORT_COLUMNS: Record<ImportKind, readonly ImportColumn[]> = {
  households: HOUSEHOLD_IMPORT_COLUMNS,
  businesses: BUSINESS_IMPORT_COLUMNS,
  'wifi-points': WIFI_IMPORT_COLUMNS,
};

/** Headers compared without case, diacritics or extra spaces, so "ma ho" and "MÃ HỘ" both match "Mã hộ". */
const headerKey = (text: string) => foldVietnamese(text);

export interface HeaderMatch {
  /** For each layout column, the index of the file column that holds it, or -1 when absent. */
  positions: number[];
  missing: string[];
  unknown: string[];
}

/**
 * Maps a file's header row onto a layout. Columns may come in any order; a required column that is missing, or
 * a header that is no column of the layout, is reported (never guessed). Blank trailing headers are ignored.
 */
export function matchHeader(kind: ImportKind, header: readonly string[]): HeaderMatch {
  const columns = IMPORT_COLUMNS[kind];
  const wanted = new Map(columns.map((c, i) => [headerKey(c.header), i]));
  const positions = columns.map(() => -1);
  const unknown: string[] = [];
  header.forEach((cell, fileIndex) => {
    const text = cell.replace(/^\uFEFF/, '').trim();
    if (text === '') return;
    const i = wanted.get(headerKey(text));
    if (i === undefined || positions[i] !== -1) unknown.push(text);
    else positions[i] = fileIndex;
  });
  const missing = columns.filter((c, i) => positions[i] === -1 && c.required).map((c) => c.header);
  return { positions, missing, unknown };
}
