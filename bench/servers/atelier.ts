import { loadConfig } from '../../shared/config.js';
import { createLogger } from '../../shared/logger.js';
import { startAtelier } from '../../gateway/system.js';

/**
 * Atelier as `npm start` runs it, for the benchmarks, configured by the environment the bench
 * passes. `BENCH_ROLES=gateway` runs the gateway alone in one process (PGlite is fine for one
 * process), so the POST benchmark measures the gateway without workers competing for the CPU.
 */
const config = loadConfig(process.env);
const roles = process.env.BENCH_ROLES;
const atelier = await startAtelier(
  roles ? { ...config, roles: new Set(roles.split(',') as Array<'gateway' | 'worker'>) } : config,
  createLogger({ level: config.logLevel }),
  { version: 'bench' },
);
process.stdout.write(`READY ${atelier.url ?? ''}\n`);
process.on('SIGTERM', () => {
  void atelier.stop().then(() => process.exit(0));
});
