import { writeFile } from 'node:fs/promises';
import { sql } from 'drizzle-orm';
import { loadConfig } from '../../shared/config.js';
import { createLogger } from '../../shared/logger.js';
import { startAtelier } from '../../gateway/system.js';
import { registerAccount } from '../../identity/index.js';

/**
 * Atelier as `npm start` runs it, for the benchmarks, configured by the environment the bench
 * passes. `BENCH_ROLES=gateway` runs the gateway alone in one process (PGlite is fine for one
 * process), so the POST benchmark measures the gateway without workers competing for the CPU.
 * It makes an account and prints its access token on the READY line: the load sends it, as a
 * signed-in client does (so authentication is part of what is measured). `BENCH_SESSIONS=N` and
 * `BENCH_SESSIONS_FILE` make N sessions of that user in one statement before it is ready and write
 * their ids to that file, one a line: a load spread over many sessions without thousands of
 * requests (and their writes) just before the measurement.
 */
const config = loadConfig(process.env);
const roles = process.env.BENCH_ROLES;
const atelier = await startAtelier(
  roles ? { ...config, roles: new Set(roles.split(',') as Array<'gateway' | 'worker'>) } : config,
  createLogger({ level: config.logLevel }),
  { version: 'bench' },
);
const { user, tokens } = await registerAccount({
  ctx: atelier.ctx.identity,
  input: { email: `bench-${Date.now()}@bench.example`, password: 'correct horse battery staple' },
});
const sessions = Number(process.env.BENCH_SESSIONS ?? 0);
if (sessions > 0 && process.env.BENCH_SESSIONS_FILE) {
  const rows = await atelier.ctx.postgres.db.execute<{ id: string }>(sql`
    insert into chat_sessions (id, user_id, created_at, updated_at)
    select gen_random_uuid(), ${user.id}, now(), now() from generate_series(1, ${sessions}) returning id`);
  const ids = (Array.isArray(rows) ? rows : (rows as unknown as { rows: Array<{ id: string }> }).rows).map((row) => row.id);
  await writeFile(process.env.BENCH_SESSIONS_FILE, ids.join('\n'));
}
process.stdout.write(`READY ${atelier.url ?? ''} ${tokens.accessToken}\n`);
process.on('SIGTERM', () => {
  void atelier.stop().then(() => process.exit(0));
});
