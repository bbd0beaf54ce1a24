/*
 * Vocabulary of the demo population: names, streets, business and wifi names. This is data (Vietnamese by
 * nature), kept apart from the generator's logic. No name here belongs to a real person; the frequencies of
 * family names follow the usual rough shares in southern Vietnam (Nguyễn about a third).
 */

export const FAMILY_NAMES: ReadonlyArray<readonly [string, number]> = [
  ['Nguyễn', 32],
  ['Trần', 11],
  ['Lê', 9],
  ['Phạm', 7],
  ['Huỳnh', 5],
  ['Võ', 4],
  ['Phan', 4],
  ['Trương', 3],
  ['Bùi', 3],
  ['Đặng', 3],
  ['Đỗ', 3],
  ['Ngô', 2],
  ['Hồ', 2],
  ['Dương', 2],
  ['Lý', 2],
  ['Đinh', 1],
  ['Hoàng', 2],
  ['Lâm', 1],
  ['Mai', 1],
  ['Tô', 1],
  ['Châu', 1],
  ['Thái', 1],
];

export const MIDDLE_NAMES = {
  male: [
    'Văn',
    'Văn',
    'Văn',
    'Minh',
    'Hữu',
    'Đức',
    'Quốc',
    'Thanh',
    'Công',
    'Hoàng',
    'Tấn',
    'Ngọc',
    'Gia',
    'Anh',
    'Trọng',
  ],
  female: [
    'Thị',
    'Thị',
    'Thị',
    'Thị',
    'Ngọc',
    'Thanh',
    'Kim',
    'Mỹ',
    'Thu',
    'Bảo',
    'Phương',
    'Hồng',
    'Diệu',
    'Thùy',
    'Khánh',
  ],
} as const;

export const GIVEN_NAMES = {
  male: [
    'An',
    'Bình',
    'Cường',
    'Dũng',
    'Duy',
    'Đạt',
    'Hải',
    'Hậu',
    'Hiếu',
    'Hòa',
    'Hùng',
    'Huy',
    'Khang',
    'Khoa',
    'Kiệt',
    'Lộc',
    'Long',
    'Luân',
    'Minh',
    'Nam',
    'Nghĩa',
    'Nhân',
    'Phát',
    'Phong',
    'Phúc',
    'Quang',
    'Sang',
    'Sơn',
    'Tài',
    'Tâm',
    'Thắng',
    'Thành',
    'Thiện',
    'Thịnh',
    'Tiến',
    'Toàn',
    'Trí',
    'Trung',
    'Tuấn',
    'Tùng',
    'Việt',
    'Vinh',
    'Vũ',
  ],
  female: [
    'Anh',
    'Bích',
    'Châu',
    'Diễm',
    'Dung',
    'Duyên',
    'Giang',
    'Hà',
    'Hạnh',
    'Hằng',
    'Hân',
    'Hiền',
    'Hoa',
    'Hồng',
    'Hương',
    'Lan',
    'Liên',
    'Linh',
    'Loan',
    'Mai',
    'My',
    'Nga',
    'Ngân',
    'Nhi',
    'Nhung',
    'Oanh',
    'Phương',
    'Quyên',
    'Tâm',
    'Thảo',
    'Thu',
    'Thủy',
    'Tiên',
    'Trang',
    'Trinh',
    'Tuyết',
    'Uyên',
    'Vân',
    'Vy',
    'Xuân',
    'Yến',
  ],
} as const;

/** Road and street names of the kind found around Tân Uyên: provincial roads (ĐT), district roads (ĐH) and streets. */
export const STREETS = [
  'ĐT746',
  'ĐT747',
  'ĐT747B',
  'ĐT742',
  'ĐH401',
  'ĐH402',
  'ĐH411',
  'ĐH412',
  'Huỳnh Văn Lũy',
  'Nguyễn Văn Cừ',
  'Nguyễn Trãi',
  'Lê Lợi',
  'Trần Hưng Đạo',
  'Cách Mạng Tháng Tám',
  'Nguyễn Thị Minh Khai',
  'Võ Thị Sáu',
  'Lý Thường Kiệt',
  'Phạm Ngọc Thạch',
  'Bùi Thị Xuân',
  'Hai Bà Trưng',
  'Nguyễn Khuyến',
  'Lê Quang Định',
  'Tân Phước Khánh 02',
  'Khánh Bình 15',
  'Uyên Hưng 06',
  'Vĩnh Tân 08',
  'Hội Nghĩa 21',
  'Thạnh Phước 03',
];

/** Names of boarding-house rows (dãy trọ), where most temporary residents live. */
export const BOARDING_HOUSES = [
  'Kim Ngân',
  'Phúc Lộc',
  'Hồng Phát',
  'Bình An',
  'Thành Công',
  'Minh Châu',
  'Tâm An',
  'Hưng Thịnh',
  'Ngọc Lan',
  'Phát Đạt',
];

/** Business name patterns by kind; {given} and {family} are filled from the name lists, {hamlet} with the hamlet's name. */
export const BUSINESS_PATTERNS = {
  shop: [
    'Tạp hóa {given}',
    'Cửa hàng điện thoại {given}',
    'Nhà thuốc {given}',
    'Cửa hàng vật liệu xây dựng {given}',
    'Cửa hàng bách hóa {given}',
  ],
  household_business: [
    'Quán cơm {given}',
    'Tiệm may {given}',
    'Sửa xe {given}',
    'Cà phê {given}',
    'Tiệm tóc {given}',
    'Quán bún bò {given}',
    'Tiệm bánh mì {given}',
  ],
  farm: [
    'Vườn bưởi {family} {given}',
    'Trại gà {given}',
    'Vườn sầu riêng {given}',
    'Trại heo {given}',
    'Vườn măng cụt {given}',
    'Vườn rau sạch {given}',
  ],
  cooperative: ['HTX nông nghiệp {hamlet}', 'HTX dịch vụ nông nghiệp {hamlet}'],
  other: ['Nhà trọ {given}', 'Tiệm internet {given}', 'Dịch vụ giặt ủi {given}', 'Tiệm in ấn {given}'],
} as const;

export const ECOMMERCE_PLATFORMS = [
  'Shopee',
  'Lazada',
  'TikTok Shop',
  'Zalo',
  'Facebook',
  'Tiki',
  'postmart.vn',
  'voso.vn',
];

/** Wifi point name patterns; {hamlet} is the hamlet's full name. */
export const WIFI_PLACES = [
  'Wifi miễn phí Nhà văn hóa {hamlet}',
  'Wifi miễn phí chợ {hamlet}',
  'Wifi miễn phí trạm y tế',
  'Wifi công cộng sân bóng {hamlet}',
  'Wifi miễn phí điểm sinh hoạt cộng đồng',
];

export const WIFI_PROVIDERS = ['VNPT', 'Viettel', 'FPT Telecom', 'MobiFone'];

/** Change notes of the history versions the demo carries (a record updated after a later visit). */
export const CHANGE_NOTES = {
  vneidUpgraded: 'Đã kích hoạt định danh điện tử mức 2 sau đợt hỗ trợ',
  broadbandInstalled: 'Hộ đã lắp internet cáp quang',
} as const;

/** Roughly the middle of Tân Uyên (lat, lng), around which hamlet centres are spread. */
export const AREA_CENTRE = { lat: 11.06, lng: 106.78 } as const;

/** Evidence text of the facts the demo records. */
export const FACT_TEXT = {
  teamDecision: (decisionNo: string, dateVi: string, wardName: string) =>
    `Quyết định số ${decisionNo} ngày ${dateVi} của Chủ tịch UBND ${wardName.charAt(0).toLowerCase()}${wardName.slice(1)} về việc thành lập Tổ công nghệ số cộng đồng`,
  decisionNo: (n: number) => `${n}/QĐ-UBND`,
  officeEquipped:
    'Nhà văn hóa có máy tính, máy in và internet để hỗ trợ người dân làm dịch vụ công trực tuyến',
  polls: 'Thăm dò ý kiến qua nhóm Zalo của khu phố',
  feedback: 'Sổ theo dõi phản ánh, kiến nghị của khu phố',
} as const;

/** Hamlets created for benchmark sizes: demo units, named so nobody mistakes them for real ones. */
export const SIMULATED_HAMLET = {
  name: (n: number) => `Khu phố mô phỏng ${n}`,
  type: 'neighbourhood',
  localCodePrefix: 'SIM-',
} as const;
