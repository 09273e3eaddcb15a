import { pino, type Logger } from 'pino';

export type { Logger };

/** The process logger: JSON lines on stdout, one `service` field per process role. */
export function createLogger(options: { level: string; name?: string }): Logger {
  return pino({
    level: options.level,
    name: options.name ?? 'atelier',
    base: undefined,
    timestamp: pino.stdTimeFunctions.isoTime,
    redact: { paths: ['*.apiKey', '*.api_key', '*.password', 'headers.authorization'], remove: true },
  });
}
