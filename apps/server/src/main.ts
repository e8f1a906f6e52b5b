import { loadConfig } from './config.ts';
import { DataDirInUseError } from './db/database.ts';
import { createServer } from './server.ts';

const args = new Set(process.argv.slice(2));
const config = loadConfig(process.env, args.has('--no-demo') ? { demoData: false } : {});
try {
  const server = await createServer(config, { logger: true });
  await server.app.listen({ port: config.port, host: config.host });
  const where = config.databaseUrl ? 'PostgreSQL (DATABASE_URL)' : `PGlite ${config.dataDir}`;
  console.log(`师训 Shixun 已启动: http://localhost:${config.port}  数据库: ${where}`);
  const stop = async () => {
    await server.close();
    process.exit(0);
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
} catch (e) {
  if (e instanceof DataDirInUseError) {
    console.error(e.message);
    process.exit(2);
  }
  throw e;
}
