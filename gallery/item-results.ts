import type { AppError } from '../shared/errors.js';

/** What happened to one image of a request that names several: `error` null when it succeeded. */
export interface ItemResult {
  id: string;
  error: AppError | null;
}
