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
    ['a price table that is not JSON', { PRICE_TABLE: '{model: 1}' }, /PRICE_TABLE: is not valid JSON/],
    ['a negative price', { PRICE_TABLE: '{"m": {"per_image": -1}}' }, /PRICE_TABLE: m.per_image: expected 0 or more/],
    ['a price under an unknown name', { PRICE_TABLE: '{"m": {"per_token": 1}}' }, /PRICE_TABLE: m: /],
    ['a price file that cannot be read', { PRICE_TABLE: '/nonexistent/prices.json' }, /PRICE_TABLE: expected JSON or the path of a readable JSON file/],
  ])('refuses %s, naming the variable', (_name, env, message) => {
    expect(() => loadConfig({ ...base, ...env })).toThrow(ConfigError);
    expect(() => loadConfig({ ...base, ...env })).toThrow(message);
  });

  it('reads PRICE_TABLE as JSON, in USD per image and per million tokens', () => {
    expect(loadConfig(base).priceTable).toBeUndefined();
    const config = loadConfig({ ...base, PRICE_TABLE: '{"my-model": {"per_image": 0.04, "per_million_output_tokens": 2}}' });
    expect(config.priceTable).toEqual({ 'my-model': { perImage: 0.04, perMillionOutputTokens: 2 } });
  });

  it('lets a worker alone run with its public address, or with Cloudinary (whose URLs are its own)', () => {
    const servers = { DATABASE_URL: 'postgres://db/atelier', REDIS_URL: 'redis://redis:6379' };
    expect(loadConfig({ ...base, ...servers, ATELIER_ROLES: 'worker', PUBLIC_URL: 'https://atelier.example/' }).publicUrl).toBe(
      'https://atelier.example',
    );
    expect(() => loadConfig({ ...base, ...servers, ATELIER_ROLES: 'worker', CLOUDINARY_URL: 'cloudinary://k:s@demo' })).not.toThrow();
  });

  it('reads the browser and media settings: own origin, signed media URLs for an hour, no proxy trusted', () => {
    expect(loadConfig(base)).toMatchObject({ corsOrigins: undefined, mediaUrlTtlSeconds: 3600, trustProxy: false });
    expect(loadConfig({ ...base, CORS_ORIGINS: '*' }).corsOrigins).toBe('*');
    expect(loadConfig({ ...base, CORS_ORIGINS: ' https://app.example.com/ , http://localhost:5173 ' }).corsOrigins).toEqual([
      'https://app.example.com',
      'http://localhost:5173',
    ]);
    expect(loadConfig({ ...base, MEDIA_URL_TTL_S: '600', TRUST_PROXY: 'true' })).toMatchObject({ mediaUrlTtlSeconds: 600, trustProxy: true });
  });

  it.each([
    ['an origin with a path', { CORS_ORIGINS: 'https://app.example.com/ui' }, /CORS_ORIGINS: "https:\/\/app.example.com\/ui" is not an origin/],
    ['an origin that is no URL', { CORS_ORIGINS: 'app.example.com' }, /CORS_ORIGINS: "app.example.com" is not an origin/],
    ['a media TTL under a minute', { MEDIA_URL_TTL_S: '5' }, /MEDIA_URL_TTL_S: expected a whole number from 60/],
    ['a TRUST_PROXY that is no yes or no', { TRUST_PROXY: 'maybe' }, /TRUST_PROXY: expected "true" or "false"/],
  ])('refuses %s', (_name, env, message) => {
    expect(() => loadConfig({ ...base, ...env })).toThrow(message);
  });
});
