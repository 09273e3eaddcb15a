import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { mediaFile } from './media-path.js';

const root = path.resolve('/srv/media');

describe('mediaFile', () => {
  it.each<[string, string]>([
    ['users/local/019a0c4e-8b1f-7c35-9d2a-4f6e1b2c3d4e.png', 'users/local/019a0c4e-8b1f-7c35-9d2a-4f6e1b2c3d4e.png'],
    ['users/a%20b/x.jpg', 'users/a%20b/x.jpg'],
    ['users/x..y/z.webp', 'users/x..y/z.webp'],
  ])('%s is inside the media folder', (key, relative) => {
    expect(mediaFile(root, key)).toBe(path.join(root, relative));
  });

  it.each([
    '',
    '..',
    '../secret.png',
    'users/../../secret.png',
    'users/./x.png',
    '%2e%2e/secret.png',
    'users/%2E%2e/%2e%2e/secret.png',
    '/etc/passwd',
    'users//x.png',
    'users\\..\\..\\secret.png',
    'users/x.png\u0000.jpg',
    'C:/x.png',
    'users/',
    'a'.repeat(1025),
  ])('%j could leave it: refused', (key) => {
    expect(mediaFile(root, key)).toBeUndefined();
  });
});
