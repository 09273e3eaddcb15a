import { ConfigError, loadConfig, type Config } from '../shared/config.js';
import { RedisUnreachable } from '../shared/connections/redis.js';
import { createLogger } from '../shared/logger.js';
import { ATELIER_VERSION } from '../shared/version.js';
import { countAccounts } from '../identity/index.js';
import type { AtelierContext } from './context.js';
import { DataDirLocked } from './data-dir-lock.js';
import { startAtelier } from './system.js';

/** Signals this close to the first are the same request to stop, delivered twice. */
const SAME_SIGNAL_MS = 2000;

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
  const version = ATELIER_VERSION;

  const atelier = await startAtelier(config, logger, { version });
  const accounts = await countAccounts({ ctx: atelier.ctx.identity }).catch(() => undefined);
  process.stdout.write(banner(config, atelier.ctx, atelier.url, version) + firstSteps(atelier.ctx, atelier.url, accounts));

  let stoppingSince: number | undefined;
  const shutdown = (signal: string) => {
    if (stoppingSince !== undefined) {
      // Ctrl-C under `npm start` arrives twice (the terminal's, and npm's forwarded copy): only a
      // signal sent well after the first one means "stop now".
      if (Date.now() - stoppingSince < SAME_SIGNAL_MS) return;
      logger.warn({ signal }, 'second signal: exiting now');
      process.exit(1);
    }
    stoppingSince = Date.now();
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

/** How to get a credential: on an instance with no account yet, how to make the first (its admin). */
function firstSteps(ctx: AtelierContext, url: string | undefined, accounts: number | undefined): string {
  if (!url) return '';
  if (accounts === 0) {
    return [
      '  No accounts yet. The first one made is the admin of this instance:',
      `    curl -X POST ${ctx.publicUrl}/v1/auth/register/ -H 'content-type: application/json' \\`,
      `         -d '{"email":"you@example.com","password":"at least 8 characters"}'`,
      '  Its answer holds an access_token: send it as "Authorization: Bearer <access_token>".',
      '',
    ].join('\n') + '\n';
  }
  return `  sign in          POST ${ctx.publicUrl}/v1/auth/login/ (registration: ${ctx.config.auth.registration})\n\n`;
}

main().catch((error: unknown) => {
  // A cause the operator can act on is said in one line; anything else with its stack.
  const known = error instanceof RedisUnreachable || error instanceof DataDirLocked;
  const text = error instanceof Error ? (known ? error.message : (error.stack ?? error.message)) : String(error);
  process.stderr.write(`Atelier could not start: ${text}\n`);
  process.exit(1);
});
