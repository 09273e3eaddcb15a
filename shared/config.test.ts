import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from './config.js';

const base = { PATH: process.env.PATH ?? '' };

describe('loadConfig', () => {
  it('starts on the embedded defaults with nothing set', () => {
    const config = loadConfig(base);
    expect(config).toMatchObject({ port: 9999, roles: new Set(['gateway', 'worker']), startTimeoutMs: 10_000, publicUrl: undefined });
  });

  it.each([
    ['a worker alone without PUBLIC_URL, storing on disk', { ATELIER_ROLES: 'worker' }, /PUBLIC_URL: required for a worker-only process/],
    ['a worker alone without a Redis server', { ATELIER_ROLES: 'worker', PUBLIC_URL: 'https://a.example' }, /REDIS_URL: required/],
    ['a start timeout that is no number', { START_TIMEOUT_MS: 'soon' }, /START_TIMEOUT_MS: expected a whole number/],
  ])('refuses %s, naming the variable', (_name, env, message) => {
    expect(() => loadConfig({ ...base, ...env })).toThrow(ConfigError);
    expect(() => loadConfig({ ...base, ...env })).toThrow(message);
  });

  it('lets a worker alone run with its public address, or with Cloudinary (whose URLs are its own)', () => {
    const servers = { DATABASE_URL: 'postgres://db/atelier', REDIS_URL: 'redis://redis:6379' };
    expect(loadConfig({ ...base, ...servers, ATELIER_ROLES: 'worker', PUBLIC_URL: 'https://atelier.example/' }).publicUrl).toBe(
      'https://atelier.example',
    );
    expect(() => loadConfig({ ...base, ...servers, ATELIER_ROLES: 'worker', CLOUDINARY_URL: 'cloudinary://k:s@demo' })).not.toThrow();
  });
});
