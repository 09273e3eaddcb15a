import { describe, expect, it } from 'vitest';
import { parseCloudinaryUrl } from './cloudinary-url.js';

describe('parseCloudinaryUrl', () => {
  it.each([
    {
      url: 'cloudinary://123:abc@demo',
      account: { cloudName: 'demo', apiKey: '123', apiSecret: 'abc', uploadPrefix: 'https://api.cloudinary.com', signatureAlgorithm: 'sha1' },
    },
    {
      url: 'cloudinary://123:abc@demo?upload_prefix=http://127.0.0.1:4000/',
      account: { cloudName: 'demo', apiKey: '123', apiSecret: 'abc', uploadPrefix: 'http://127.0.0.1:4000', signatureAlgorithm: 'sha1' },
    },
    {
      url: 'cloudinary://123:a%2Fb%40c@demo?signature_algorithm=sha256&secure=true',
      account: { cloudName: 'demo', apiKey: '123', apiSecret: 'a/b@c', uploadPrefix: 'https://api.cloudinary.com', signatureAlgorithm: 'sha256' },
    },
  ])('reads $url', ({ url, account }) => {
    expect(parseCloudinaryUrl(url)).toEqual(account);
  });

  it.each([
    { url: 'not a url', problem: 'is not a URL' },
    { url: 'https://123:abc@demo', problem: 'must start with cloudinary://' },
    { url: 'cloudinary://123@demo', problem: 'must name the key, the secret and the cloud' },
    { url: 'cloudinary://123:abc@demo?upload_prefix=ftp://x', problem: 'upload_prefix must be an http(s) URL' },
    { url: 'cloudinary://123:abc@demo?signature_algorithm=md5', problem: 'signature_algorithm must be sha1 or sha256' },
  ])('refuses $url: $problem, without repeating the secret', ({ url, problem }) => {
    const error = (() => {
      try {
        parseCloudinaryUrl(url);
      } catch (caught) {
        return caught as Error;
      }
      throw new Error('expected a failure');
    })();
    expect(error).toMatchObject({ code: 'validation_failed', message: expect.stringContaining(problem) });
    expect(error.message).not.toContain('abc');
  });
});
