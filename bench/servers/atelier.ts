import { writeFile } from 'node:fs/promises';
import { sql } from 'drizzle-orm';
import { loadConfig } from '../../shared/config.js';
import { createLogger } from '../../shared/logger.js';
import { startAtelier } from '../../gateway/system.js';

/**
 * Atelier as `npm start` runs it, for the benchmarks, configured by the environment the bench
 * passes. `BENCH_ROLES=gateway` runs the gateway alone in one process (PGlite is fine for one
 * process), so the POST benchmark measures the gateway without workers competing for the CPU.
 * `BENCH_SESSIONS=N` and `BENCH_SESSIONS_FILE` make N sessions of the local user in one statement
 * before it is ready and write their ids to that file, one a line: a load spread over many
 * sessions without thousands of requests (and their writes) just before the measurement.
 */
const config = loadConfig(process.env);
const roles = process.env.BENCH_ROLES;
const atelier = await startAtelier(
  roles ? { ...config, roles: new Set(roles.split(',') as Array<'gateway' | 'worker'>) } : config,
  createLogger({ level: config.logLevel }),
  { version: 'bench' },
);
const sessions = Number(process.env.BENCH_SESSIONS ?? 0);
if (sessions > 0 && process.env.BENCH_SESSIONS_FILE) {
  const rows = await atelier.ctx.postgres.db.execute<{ id: string }>(sql`
    insert into chat_sessions (id, user_id, created_at, updated_at)
    select gen_random_uuid(), ${config.localUserId}, now(), now() from generate_series(1, ${sessions}) returning id`);
  const ids = (Array.isArray(rows) ? rows : (rows as unknown as { rows: Array<{ id: string }> }).rows).map((row) => row.id);
  await writeFile(process.env.BENCH_SESSIONS_FILE, ids.join('\n'));
}
process.stdout.write(`READY ${atelier.url ?? ''}\n`);
process.on('SIGTERM', () => {
  void atelier.stop().then(() => process.exit(0));
});
