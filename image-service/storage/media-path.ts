import path from 'node:path';

/**
 * A segment of a key as the disk storage writes them: `users`, an encodeURIComponent'd user id,
 * `{uuid}.{ext}`. Nothing else is accepted: no backslash, NUL, colon or slash.
 */
const SAFE_SEGMENT = /^[A-Za-z0-9._~!*'()%-]+$/;
// Dots, plain or percent-encoded: harmless on disk here, but a proxy in front might decode them.
const DOTS = /^(?:\.|%2e)+$/i;

/**
 * The file a media key names inside `root`, or undefined when the key could reach anywhere else
 * (`..`, `%2e%2e`, an absolute path, an empty segment). The key is used byte for byte: a
 * percent sequence in it is part of the file name, just as the disk storage wrote it.
 */
export function mediaFile(root: string, key: string): string | undefined {
  if (key.length === 0 || key.length > 1024) return undefined;
  const segments = key.split('/');
  if (segments.some((segment) => !SAFE_SEGMENT.test(segment) || DOTS.test(segment))) return undefined;
  const base = path.resolve(root);
  const file = path.resolve(base, ...segments);
  return file.startsWith(base + path.sep) ? file : undefined;
}
