import { PassThrough, type Readable } from 'node:stream';
import ExcelJS from 'exceljs';
import type { Db } from '../../db/database.js';
import { AppError } from '../../errors.js';
import { assertSurveyWriterRole } from '../surveys/surveys.policy.js';
import type { SurveyContext } from '../surveys/survey-hamlet.js';
import { scopeUnitIds } from '../../policies/scope.js';
import { recordAudit } from '../audit/record-audit.js';
import {
  HOUSEHOLD_IMPORT_COLUMNS,
  IMPORT_COLUMNS,
  type ImportKind,
} from '../../../domain/surveys/import-columns.js';
import { formatCell } from '../../../domain/surveys/import-values.js';
import { recordExportRows } from './import-records.js';
import { householdPages, householdValues, hamletsUnder, memberValues } from './survey-imports.repository.js';

/*
 * Templates and exports (issue 4 §6–7) share one layout per kind, so an export can be edited and re-imported:
 * the data on the first sheet, the "Hướng dẫn" sheet explaining each column after it. Exports stream page by
 * page (exceljs' streaming writer, or CSV text), are limited to the caller's scope, and are audit-logged.
 */

const SHEET_NAMES: Record<ImportKind, string> = {
  households: 'Hộ gia đình',
  businesses: 'Cơ sở kinh doanh',
  'wifi-points': 'Điểm wifi',
};

const EXAMPLES: Record<ImportKind, string[][]> = {
  households: [
    [
      'H0001',
      'Số 12, đường ĐT 746',
      'ĐT 746',
      'Thường trú',
      'Có',
      'Có',
      'Có',
      'Có',
      'Nguyễn Văn An',
      '1980',
      '15/03/1980',
      'Nam',
      'Thường trú',
      'Có',
      'Mức 2',
      'Có',
      'Có',
      'Có',
      'Có',
      'Có',
      'Không',
      'Có',
      '',
    ],
  ],
  businesses: [['Tạp hóa Minh Châu', 'Cửa hàng', 'Có', 'Không', 'Không', '', '', '', 'Không']],
  'wifi-points': [['Wifi Nhà văn hóa khu phố', '11.0412', '106.7567', 'Có', 'VNPT']],
};

function addHelpSheet(workbook: ExcelJS.Workbook | ExcelJS.stream.xlsx.WorkbookWriter, kind: ImportKind) {
  const sheet = workbook.addWorksheet('Hướng dẫn');
  sheet.columns = [
    { header: 'Cột', key: 'header', width: 36 },
    { header: 'Bắt buộc', key: 'required', width: 10 },
    { header: 'Cách ghi', key: 'help', width: 90 },
  ];
  for (const c of IMPORT_COLUMNS[kind])
    sheet.addRow({ header: c.header, required: c.required ? 'Có' : '', help: c.help }).commit();
  if (kind === 'households') {
    sheet
      .addRow({
        header: '',
        required: '',
        help: 'Mỗi dòng là một thành viên; các cột của hộ ghi lặp lại (hoặc để trống) ở các dòng sau của cùng hộ.',
      })
      .commit();
    sheet
      .addRow({
        header: '',
        required: '',
        help: 'Nhập lại cùng một tệp không thay đổi gì; hộ được đối chiếu theo Mã hộ, thành viên theo họ tên và năm sinh.',
      })
      .commit();
  }
  return sheet;
}

/** The .xlsx template of a kind: headers, one example row, and the instructions sheet. */
export async function templateWorkbook(kind: ImportKind): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet(SHEET_NAMES[kind]);
  sheet.addRow(IMPORT_COLUMNS[kind].map((c) => c.header)).font = { bold: true };
  for (const example of EXAMPLES[kind]) sheet.addRow(example);
  sheet.columns.forEach((col) => (col.width = 18));
  // Text format keeps "0012" and dates exactly as typed instead of letting Excel convert them.
  sheet.columns.forEach((col) => (col.numFmt = '@'));
  addHelpSheet(workbook, kind);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

/** Rows of the households layout for the given hamlets: one per member, a lone row for a household without any. */
async function* householdExportRows(handle: Db, hamletIds: number[]): AsyncGenerator<string[]> {
  const household = HOUSEHOLD_IMPORT_COLUMNS.filter((c) => c.household);
  const member = HOUSEHOLD_IMPORT_COLUMNS.filter((c) => !c.household);
  for (const hamletId of hamletIds) {
    for await (const page of householdPages(handle.db, hamletId)) {
      for (const { household: h, members } of page) {
        const hv = householdValues(h) as Record<string, unknown>;
        const head = household.map((c) => formatCell(c.type, hv[c.field]));
        if (members.length === 0) yield [...head, ...member.map(() => '')];
        for (const m of members) {
          const mv = memberValues(m) as Record<string, unknown>;
          yield [
            ...head,
            ...member.map((c) => formatCell(c.type, c.field === 'isHead' && !mv.isHead ? null : mv[c.field])),
          ];
        }
      }
    }
  }
}

const csvCell = (v: string) => (/[",\n\r;]/.test(v) ? `"${v.replaceAll('"', '""')}"` : v);

export interface ExportFile {
  filename: string;
  contentType: string;
  stream: Readable;
}

/** Exports a hamlet's, or all of a ward's hamlets', households in the template layout. */
export async function exportUnit(
  handle: Db,
  ctx: SurveyContext,
  unitId: number,
  kind: ImportKind,
  format: 'xlsx' | 'csv',
): Promise<ExportFile> {
  const unit = await handle.db
    .selectFrom('adminUnits')
    .select(['id', 'level'])
    .where('id', '=', unitId)
    .executeTakeFirst();
  if (!unit) throw new AppError('UNIT_NOT_FOUND');
  const scope = await scopeUnitIds(handle, ctx.actor);
  if (scope && !scope.has(unit.id)) throw new AppError('UNIT_NOT_IN_SCOPE');
  // Exports carry names and birth years: only those who record survey data may take them out.
  assertSurveyWriterRole(ctx.actor);
  const hamlets = (await hamletsUnder(handle.db, unit.id)).filter((h) => !scope || scope.has(h.id));
  if (hamlets.length === 0) throw new AppError('SURVEY_UNIT_NOT_HAMLET', { unitId, level: unit.level });
  await recordAudit(handle.db, {
    actor: ctx.actor,
    action: kind === 'households' ? 'household.export' : `${kind}.export`,
    entity: 'admin_unit',
    entityId: unit.id,
    after: { kind, format, hamlets: hamlets.map((h) => h.id) },
    ip: ctx.ip ?? null,
    at: ctx.now.toISOString(),
  });
  const ids = hamlets.map((h) => h.id);
  const rows = kind === 'households' ? householdExportRows(handle, ids) : recordExportRows(handle, kind, ids);
  const headers = IMPORT_COLUMNS[kind].map((c) => c.header);
  const out = new PassThrough();
  const filename = `${kind}-${unit.id}.${format}`;
  if (format === 'csv') {
    void (async () => {
      // The BOM makes Excel open the file as UTF-8; the importer accepts it.
      out.write('\uFEFF' + headers.map(csvCell).join(',') + '\r\n');
      for await (const r of rows) {
        if (!out.write(r.map(csvCell).join(',') + '\r\n')) await new Promise((ok) => out.once('drain', ok));
      }
      out.end();
    })().catch((error: unknown) => out.destroy(error as Error));
    return { filename, contentType: 'text/csv; charset=utf-8', stream: out };
  }
  void (async () => {
    const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({
      stream: out,
      useStyles: false,
      useSharedStrings: false,
    });
    const sheet = workbook.addWorksheet(SHEET_NAMES[kind]);
    sheet.addRow(headers).commit();
    for await (const r of rows) sheet.addRow(r).commit();
    sheet.commit();
    addHelpSheet(workbook, kind).commit();
    await workbook.commit();
  })().catch((error: unknown) => out.destroy(error as Error));
  return {
    filename,
    contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    stream: out,
  };
}
