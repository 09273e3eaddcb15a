import { pino, type DestinationStream, type Logger } from 'pino';

export type { Logger };

/** The process logger: JSON lines on stdout (or `destination`: tests read what was logged). */
export function createLogger(options: { level: string; name?: string; destination?: DestinationStream }): Logger {
  const settings = {
    level: options.level,
    name: options.name ?? 'atelier',
    base: undefined,
    timestamp: pino.stdTimeFunctions.isoTime,
    redact: { paths: ['*.apiKey', '*.api_key', '*.password', 'headers.authorization'], remove: true },
  };
  return options.destination ? pino(settings, options.destination) : pino(settings);
}
