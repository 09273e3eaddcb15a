import { ValidationFailed, type ErrorDetail } from '../shared/errors.js';
import { MAX_SIDE, MIN_SIDE } from './ports.js';

/** The side of an image when none is asked for; also the long side of a ratio given alone. */
export const DEFAULT_SIDE = 1024;

export interface SizeOptions {
  width?: number;
  height?: number;
  /** "W:H" in whole numbers, e.g. "16:9". */
  aspectRatio?: string;
}

export interface Size {
  width: number;
  height: number;
}

export interface AspectRatio {
  width: number;
  height: number;
}

/** Two sizes whose ratios differ by no more than this agree (1920×1080 is 16:9, so is 1000×563). */
const RATIO_TOLERANCE = 0.01;

const RATIO = /^\s*(\d{1,4})\s*:\s*(\d{1,4})\s*$/;
const RANGE = `from ${MIN_SIDE} to ${MAX_SIDE}`;

/** "16:9" as numbers; undefined when it is not two whole numbers from 1 to 9999 around a colon. */
export function parseAspectRatio(value: string): AspectRatio | undefined {
  const match = RATIO.exec(value);
  const width = Number(match?.[1]);
  const height = Number(match?.[2]);
  return width > 0 && height > 0 ? { width, height } : undefined;
}

/**
 * The size to make, from what was asked:
 * - nothing: 1024×1024;
 * - one side: a square of that side, or with `aspectRatio` the other side derived from it;
 * - only `aspectRatio`: its long side 1024 (16:9 → 1024×576);
 * - both sides: as given; with `aspectRatio` too, they must agree with it (within 1%).
 *
 * Every side must be a whole number from 64 to 2048. Throws {@link ValidationFailed} whose details
 * name the field (`width`, `height`, `aspect_ratio`; a derived side that falls out of range is
 * blamed on `aspect_ratio`) and say the allowed range.
 */
export function resolveSize(options: SizeOptions): Size {
  const result = checkSize(options);
  if ('problems' in result) {
    const first = result.problems[0] as ErrorDetail;
    throw new ValidationFailed(`${first.path}: ${first.message}`, result.problems);
  }
  return result;
}

/** What is wrong with the size options (paths are the wire names), or nothing. */
export function sizeProblems(options: SizeOptions): ErrorDetail[] {
  const result = checkSize(options);
  return 'problems' in result ? result.problems : [];
}

function checkSize(options: SizeOptions): Size | { problems: ErrorDetail[] } {
  const { width, height, aspectRatio } = options;
  const problems: ErrorDetail[] = [];
  for (const [path, side] of [['width', width], ['height', height]] as const) {
    if (side !== undefined && !isSide(side)) {
      problems.push({ path, message: `${path} must be a whole number ${RANGE} (got ${side})` });
    }
  }
  const ratio = aspectRatio === undefined ? undefined : parseAspectRatio(aspectRatio);
  if (aspectRatio !== undefined && !ratio) {
    problems.push({ path: 'aspect_ratio', message: `aspect_ratio must be "W:H" in whole numbers from 1 to 9999, such as "16:9" (got "${aspectRatio}")` });
  }
  if (problems.length > 0) return { problems };

  if (!ratio) return { width: width ?? height ?? DEFAULT_SIDE, height: height ?? width ?? DEFAULT_SIDE };
  const named = `aspect_ratio ${ratio.width}:${ratio.height}`;

  if (width !== undefined && height !== undefined) {
    const asked = ratio.width / ratio.height;
    if (Math.abs(width / height - asked) / asked > RATIO_TOLERANCE) {
      return { problems: [{ path: 'aspect_ratio', message: `${named} does not match width ${width} and height ${height}; give one side with aspect_ratio, or both sides without it` }] };
    }
    return { width, height };
  }

  let size: Size;
  let from: string;
  if (width !== undefined) {
    size = { width, height: Math.round((width * ratio.height) / ratio.width) };
    from = `width ${width}`;
  } else if (height !== undefined) {
    size = { width: Math.round((height * ratio.width) / ratio.height), height };
    from = `height ${height}`;
  } else {
    size =
      ratio.width >= ratio.height
        ? { width: DEFAULT_SIDE, height: Math.round((DEFAULT_SIDE * ratio.height) / ratio.width) }
        : { width: Math.round((DEFAULT_SIDE * ratio.width) / ratio.height), height: DEFAULT_SIDE };
    from = `the default long side ${DEFAULT_SIDE}`;
  }
  if (!isSide(size.width) || !isSide(size.height)) {
    return { problems: [{ path: 'aspect_ratio', message: `${named} with ${from} gives ${size.width}×${size.height}; each side must be ${RANGE}` }] };
  }
  return size;
}

function isSide(value: number): boolean {
  return Number.isInteger(value) && value >= MIN_SIDE && value <= MAX_SIDE;
}
