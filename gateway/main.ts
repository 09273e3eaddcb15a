import { readFileSync } from 'node:fs';
import { ConfigError, loadConfig, type Config } from '../shared/config.js';
import { createLogger } from '../shared/logger.js';
import { projectPath } from '../shared/paths.js';
import type { AtelierContext } from './context.js';
import { startAtelier } from './system.js';

/**
 * The process entry point (`npm start`, the Docker image): parse the environment, start the
 * roles it asks for, print what runs on what, and stop cleanly on SIGINT / SIGTERM.
 */
async function main(): Promise<void> {
  let config: Config;
  try {
    config = loadConfig(process.env);
  } catch (error) {
    if (error instanceof ConfigError) {
      process.stderr.write(`${error.message}\n`);
      process.exit(2);
    }
    throw error;
  }
  const logger = createLogger({ level: config.logLevel });
  const version = (JSON.parse(readFileSync(projectPath('package.json'), 'utf8')) as { version: string }).version;

  const atelier = await startAtelier(config, logger, { version });
  process.stdout.write(banner(config, atelier.ctx, atelier.url, version));

  let stopping = false;
  const shutdown = (signal: string) => {
    if (stopping) {
      logger.warn({ signal }, 'second signal: exiting now');
      process.exit(1);
    }
    stopping = true;
    logger.info({ signal }, 'stopping: no new requests, waiting for running jobs');
    const force = setTimeout(() => {
      logger.error({ timeoutMs: config.shutdownTimeoutMs }, 'stop took too long; exiting');
      process.exit(1);
    }, config.shutdownTimeoutMs);
    force.unref();
    atelier.stop().then(
      () => {
        logger.info('stopped');
        process.exit(0);
      },
      (error: unknown) => {
        logger.error({ err: error }, 'error while stopping');
        process.exit(1);
      },
    );
  };
  process.on('SIGINT', () => shutdown('SIGINT'));
  process.on('SIGTERM', () => shutdown('SIGTERM'));
}

function banner(config: Config, ctx: AtelierContext, url: string | undefined, version: string): string {
  const roles = [...config.roles].join(' + ');
  const rows = Object.entries(ctx.parts).map(([part, runsOn]) => `  ${part.padEnd(14)} ${runsOn}`);
  const where = url
    ? [`  listening on   ${config.host}:${new URL(url).port}  (public URL ${ctx.publicUrl})`, `  docs           ${ctx.publicUrl}/docs`]
    : ['  (worker only: no HTTP)'];
  return ['', `Atelier ${version}: ${roles}`, ...where, ...rows, ''].join('\n') + '\n';
}

main().catch((error: unknown) => {
  process.stderr.write(`Atelier could not start: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
