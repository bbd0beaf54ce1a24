import { buildApp } from './app.js';
import { createDatabase } from './db/database.js';
import { readEnv } from './env.js';

const env = readEnv();
const db = createDatabase(env.DATABASE_URL);
const app = await buildApp({ db, env, logger: { level: env.LOG_LEVEL } });
await app.listen({ port: env.PORT, host: env.HOST });
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => {
    void app
      .close()
      .then(() => db.close())
      .then(() => process.exit(0));
  });
}
