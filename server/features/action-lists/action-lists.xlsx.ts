import ExcelJS from 'exceljs';
import { isoDateInVietnam } from '../../../domain/admin-units/dates.js';
import { formatDateVi } from '../../../domain/text/format.js';
import type { StreetGroup } from '../../../domain/action-lists/action-lists.js';
import type { ActionList, ActionListPart } from './action-lists.service.js';

/*
 * The action list as an Excel workbook for a door-to-door round: one sheet per listed criterion (a composite gives
 * one per part), a title block, a frozen header row, Vietnamese headings and dates as real dates shown dd/MM/yyyy.
 */

/** Vietnamese labels of the answers a list explains; the workbook is in the officials' language. */
const FIELD_LABELS: Record<string, string> = {
  vneidLevel: 'VNeID mức 2',
  onlinePublicServiceAccount: 'Tài khoản DVC trực tuyến',
  canUseOnlinePublicService: 'Biết dùng DVC trực tuyến',
  digitalPaymentAccount: 'Tài khoản thanh toán số',
  smartDevice: 'Điện thoại thông minh',
  telehealthInformed: 'Biết y tế từ xa',
  onlineMedicalBooking: 'Đặt khám trực tuyến',
  digitalSkillsCoached: 'Bồi dưỡng kỹ năng số',
  electronicHealthRecord: 'Sổ sức khỏe điện tử',
  fixedBroadband: 'Internet cố định',
  mobileBroadband: 'Internet di động tại nhà',
  inDigitalChannel: 'Nhóm Zalo khu phố',
  reachedByOutreach: 'Được tuyên truyền CĐS',
  acceptsCashless: 'Nhận thanh toán không tiền mặt',
  ecommerceEligible: 'Đủ điều kiện TMĐT',
  listedOnline: 'Bán hàng trực tuyến',
  traceability: 'Truy xuất nguồn gốc',
  isWorking: 'Đang hoạt động',
};

const label = (fields: string[]) => fields.map((f) => FIELD_LABELS[f] ?? f).join(', ');

const COLUMNS: Array<{ header: string; key: string; width: number }> = [
  { header: 'STT', key: 'no', width: 6 },
  { header: 'Đường / tổ', key: 'street', width: 22 },
  { header: 'Mã hộ', key: 'localCode', width: 10 },
  { header: 'Chủ hộ', key: 'headName', width: 24 },
  { header: 'Họ và tên / tên', key: 'name', width: 26 },
  { header: 'Năm sinh', key: 'birthYear', width: 10 },
  { header: 'Tình trạng', key: 'verdict', width: 14 },
  { header: 'Còn thiếu', key: 'missing', width: 32 },
  { header: 'Chưa có thông tin', key: 'unknown', width: 32 },
  { header: 'Lần đến gần nhất', key: 'lastVisit', width: 16 },
  { header: 'Người phụ trách', key: 'assignee', width: 26 },
  { header: 'Ghi chú', key: 'note', width: 24 },
];

function visitDate(iso: string | null): Date | null {
  if (!iso) return null;
  const day = isoDateInVietnam(new Date(iso));
  return new Date(`${day}T00:00:00Z`);
}

function addRows(sheet: ExcelJS.Worksheet, groups: StreetGroup[], verdict: string, start: number): number {
  let no = start;
  for (const street of groups)
    for (const household of street.households)
      for (const row of household.rows) {
        sheet.addRow({
          no: no++,
          street: row.street ?? '',
          localCode: row.localCode ?? '',
          headName: row.headName ?? '',
          name: row.name ?? '',
          birthYear: row.birthYear ?? '',
          verdict,
          missing: label(row.missing),
          unknown: label(row.unknown),
          lastVisit: visitDate(row.lastVisitAt),
          assignee: row.assignee?.displayName ?? '',
          note: '',
        });
      }
  return no;
}

function sheetName(part: ActionListPart, used: Set<string>): string {
  // Excel: at most 31 characters, none of []:*?/\ and unique in the workbook.
  const base = part.code.replace(/[[\]:*?/\\]/g, '-').slice(0, 31);
  let name = base;
  for (let i = 2; used.has(name); i++) name = `${base.slice(0, 28)}-${i}`;
  used.add(name);
  return name;
}

export async function actionListWorkbook(list: ActionList): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Khu phố số';
  const used = new Set<string>();
  for (const criterion of list.criteria) {
    for (const part of criterion.parts) {
      const sheet = workbook.addWorksheet(sheetName(part, used));
      const title = `${list.hamlet.name} — ${part.code}: ${part.name.vi}`;
      const gap =
        criterion.gap !== null && criterion.gap > 0
          ? ` — cần thêm ${criterion.gap.toLocaleString('vi-VN')}`
          : '';
      sheet.addRow([title]).font = { bold: true, size: 13 };
      sheet.addRow([
        `Ngày ${formatDateVi(list.date)} — Bộ tiêu chí ${list.criteriaSet.name} (phiên bản ${list.criteriaSet.version})${gap} — ${part.missingCount} chưa có, ${part.unknownCount} chưa rõ`,
      ]);
      const header = sheet.addRow(COLUMNS.map((c) => c.header));
      header.font = { bold: true };
      header.alignment = { vertical: 'middle', wrapText: true };
      header.eachCell((cell) => {
        cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFE6F4FF' } };
        cell.border = { bottom: { style: 'thin' } };
      });
      // Keys only (no header): the header is row 3, below the title block.
      sheet.columns = COLUMNS.map((c) => ({ key: c.key, width: c.width }));
      sheet.getColumn('lastVisit').numFmt = 'dd/mm/yyyy';
      sheet.views = [{ state: 'frozen', ySplit: 3 }];
      const next = addRows(sheet, part.missing, 'Chưa có', 1);
      addRows(sheet, part.unknown, 'Chưa rõ', next);
      sheet.autoFilter = { from: { row: 3, column: 1 }, to: { row: 3, column: COLUMNS.length } };
      sheet.pageSetup = {
        paperSize: 9,
        orientation: 'landscape',
        fitToPage: true,
        fitToWidth: 1,
        fitToHeight: 0,
      };
    }
  }
  if (workbook.worksheets.length === 0) {
    const sheet = workbook.addWorksheet('Danh sách');
    sheet.addRow([
      `${list.hamlet.name} — ngày ${formatDateVi(list.date)}: không có tiêu chí nào cần đi vận động.`,
    ]);
  }
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
