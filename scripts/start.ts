import { buildApp } from '../server/app.js';
import { createDatabase } from '../server/db/database.js';
import { migrateToLatest } from '../server/db/migrate.js';
import { readEnv } from '../server/env.js';
import { isDatabaseEmpty, seedDemo, DEMO_PASSWORD } from '../seeds/demo/index.js';
import { buildWebIfNeeded } from './build-web-if-needed.js';
import { ensureReferenceCriteriaSets } from '../server/features/criteria-sets/criteria-sets.service.js';

/** `npm start`: build the web app if needed, migrate, seed the demo into an empty database, serve. */
const started = performance.now();
const env = readEnv();
if (buildWebIfNeeded()) console.log('Đã dựng giao diện web (web/dist).');
const db = createDatabase(env.DATABASE_URL);
await migrateToLatest(db);
await ensureReferenceCriteriaSets(db, new Date());
let seeded = false;
if (await isDatabaseEmpty(db)) {
  await seedDemo(db);
  seeded = true;
}
const app = await buildApp({ db, env, logger: { level: env.LOG_LEVEL === 'info' ? 'warn' : env.LOG_LEVEL } });
const address = await app.listen({ port: env.PORT, host: env.HOST });
const seconds = ((performance.now() - started) / 1000).toFixed(1);

const local = address.replace('0.0.0.0', 'localhost').replace('[::]', 'localhost');
console.log(`
Khu phố số đang chạy tại ${local}  (khởi động ${seconds} giây; CSDL: ${db.dialect === 'sqlite' ? db.url : 'PostgreSQL'}${seeded ? '; đã nạp dữ liệu mẫu' : ''})
Tài liệu API: ${local}/api/docs

Tài khoản mẫu (mật khẩu chung: ${DEMO_PASSWORD}):
  admin               Phòng Văn hóa và Thông tin (quản trị thành phố)
  canbo.tanhiep       Cán bộ phường Tân Hiệp
  canbo.tankhanh      Cán bộ phường Tân Khánh
  truongkp.khanhlong  Trưởng khu phố Khánh Long
  tocns.khanhlong     Thành viên Tổ công nghệ số cộng đồng, khu phố Khánh Long
  xem                 Người xem (toàn thành phố)
`);
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => {
    void app
      .close()
      .then(() => db.close())
      .then(() => process.exit(0));
  });
}
