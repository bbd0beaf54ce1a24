/** CLI help texts, Vietnamese first; `--lang en` or an English LANG switches to English. */
export const helpTexts = {
  main: {
    vi: `Khu phố số – công cụ dòng lệnh

Cách dùng: npm run cli -- <lệnh> [tùy chọn]

Lệnh:
  units import <tệp>     Nhập danh mục đơn vị hành chính (CSV hoặc XLSX)
  users create           Tạo tài khoản với vai trò và phạm vi
  db migrate             Cập nhật cấu trúc cơ sở dữ liệu
  db backup <tệp>        Sao lưu cơ sở dữ liệu (nhất quán cả khi máy chủ đang chạy)
  demo seed              Nạp dữ liệu mẫu (chỉ khi cơ sở dữ liệu còn trống)

Tùy chọn chung:
  --help                 Xem hướng dẫn của lệnh
  --lang en              Hiển thị bằng tiếng Anh
Biến môi trường: DATABASE_URL (mặc định ./data/khuphoso.db; postgres://… để dùng PostgreSQL)`,
    en: `Khu phố số – command-line tool

Usage: npm run cli -- <command> [options]

Commands:
  units import <file>    Import a list of administrative units (CSV or XLSX)
  users create           Create an account with a role and a scope
  db migrate             Bring the database schema up to date
  db backup <file>       Back up the database (consistent while the server runs)
  demo seed              Load the demo data (only into an empty database)

Common options:
  --help                 Show a command's help
  --lang en              Show text in English
Environment: DATABASE_URL (default ./data/khuphoso.db; postgres://… for PostgreSQL)`,
  },
  'units import': {
    vi: `Cách dùng: npm run cli -- units import <tệp.csv|tệp.xlsx> [--dry-run]

Nhận các bố cục cột của danh mục quốc gia (trước 01/07/2025, sau 01/07/2025, bảng chuyển đổi cũ→mới)
và danh sách khu phố, ấp (parent_code,local_code,name,type,valid_from).
Tệp được kiểm tra toàn bộ trước khi ghi; có dòng lỗi thì không ghi gì và liệt kê từng dòng lỗi.
Chạy lại cùng một tệp không thay đổi gì.
  --dry-run   Chỉ kiểm tra và báo cáo, không ghi`,
    en: `Usage: npm run cli -- units import <file.csv|file.xlsx> [--dry-run]

Accepts the national lists' column layouts (before 1 July 2025, after it, the old→new mapping)
and hamlet lists (parent_code,local_code,name,type,valid_from).
The whole file is checked before anything is written; with any bad row nothing is written and each bad row is listed.
Re-running the same file changes nothing.
  --dry-run   Check and report only; write nothing`,
  },
  'users create': {
    vi: `Cách dùng: npm run cli -- users create --username <tên> --name "<họ tên>" --role <vai trò> [--scope <mã hoặc id>]... [--password <mật khẩu>]

Vai trò: city_admin, commune_officer, hamlet_head, team_member, viewer
--scope nhận mã đơn vị chính thức (ví dụ 25920) hoặc id nội bộ (ví dụ id:42); lặp lại để thêm nhiều đơn vị.
Không nhập --password thì mật khẩu được đọc từ biến KPS_PASSWORD.`,
    en: `Usage: npm run cli -- users create --username <name> --name "<full name>" --role <role> [--scope <code or id>]... [--password <password>]

Roles: city_admin, commune_officer, hamlet_head, team_member, viewer
--scope takes an official unit code (e.g. 25920) or an internal id (e.g. id:42); repeat it for more units.
Without --password the password is read from the KPS_PASSWORD variable.`,
  },
  'db migrate': {
    vi: 'Cách dùng: npm run cli -- db migrate\n\nChạy các bước cập nhật cấu trúc còn thiếu, theo thứ tự.',
    en: 'Usage: npm run cli -- db migrate\n\nRuns the pending schema migrations, in order.',
  },
  'db backup': {
    vi: `Cách dùng: npm run cli -- db backup <tệp>

SQLite: dùng cơ chế sao lưu trực tuyến, an toàn khi máy chủ đang chạy.
PostgreSQL: gọi pg_dump (định dạng custom), một bản chụp nhất quán.`,
    en: `Usage: npm run cli -- db backup <file>

SQLite: uses the online backup API, safe while the server runs.
PostgreSQL: runs pg_dump (custom format), a consistent snapshot.`,
  },
  'demo seed': {
    vi: 'Cách dùng: npm run cli -- demo seed\n\nNạp thành phố mẫu Tân Uyên và tài khoản mẫu cho từng vai trò, nếu cơ sở dữ liệu còn trống.',
    en: 'Usage: npm run cli -- demo seed\n\nLoads the Tân Uyên demo city and one demo account per role, if the database is empty.',
  },
} as const;

export type HelpTopic = keyof typeof helpTexts;
