import { Queue, type JobsOptions } from 'bullmq';
import type { Redis } from 'ioredis';

/** The queue of the gallery's exports: `build` makes the file, `expire` removes it after EXPORT_TTL_S. */
export const EXPORT_QUEUE = 'gallery-export';

export type ExportJobName = 'build' | 'expire';

/** A job names its export and owner; the row holds everything else. */
export interface ExportJob {
  exportId: string;
  userId: string;
}

/** `{exportId}.{name}`: enqueueing either job of one export twice is a no-op. */
export function exportJobId(exportId: string, name: ExportJobName): string {
  return `${exportId}.${name}`;
}

/** Tries per build: a storage hiccup gets one more go; the second failure marks the export failed. */
export const BUILD_ATTEMPTS = 2;

const DAY_SECONDS = 24 * 3600;

export function createExportQueue(options: { connection: Redis; prefix: string }): Queue<ExportJob> {
  const defaultJobOptions: JobsOptions = {
    attempts: BUILD_ATTEMPTS,
    backoff: { type: 'exponential', delay: 1000 },
    removeOnComplete: { age: DAY_SECONDS, count: 10_000 },
    removeOnFail: { age: 7 * DAY_SECONDS },
  };
  return new Queue<ExportJob>(EXPORT_QUEUE, { connection: options.connection, prefix: options.prefix, defaultJobOptions });
}
