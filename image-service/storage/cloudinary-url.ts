import { ValidationFailed } from '../../shared/errors.js';

/** What a `CLOUDINARY_URL` says: the account and, for a local fake, where its API answers. */
export interface CloudinaryAccount {
  cloudName: string;
  apiKey: string;
  apiSecret: string;
  /** Base of the API, without a trailing slash. Default `https://api.cloudinary.com`. */
  uploadPrefix: string;
  /** The account's signing algorithm; `sha1` unless the URL asks for `sha256`. */
  signatureAlgorithm: 'sha1' | 'sha256';
}

const DEFAULT_UPLOAD_PREFIX = 'https://api.cloudinary.com';

/**
 * Reads `cloudinary://key:secret@cloud-name[?upload_prefix=…&signature_algorithm=…]`, the form
 * Cloudinary's console hands out. Other query parameters (CDN and URL options) are ignored: we
 * deliver the URLs Cloudinary returns. Messages never repeat the URL, which holds the secret.
 */
export function parseCloudinaryUrl(value: string): CloudinaryAccount {
  const fail = (message: string): never => {
    throw new ValidationFailed(`CLOUDINARY_URL ${message}`, [{ path: 'CLOUDINARY_URL', message }]);
  };
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return fail('is not a URL; expected cloudinary://key:secret@cloud-name');
  }
  if (url.protocol !== 'cloudinary:') fail('must start with cloudinary://');
  const apiKey = decodeURIComponent(url.username);
  const apiSecret = decodeURIComponent(url.password);
  const cloudName = url.hostname;
  if (!apiKey || !apiSecret || !cloudName) fail('must name the key, the secret and the cloud: cloudinary://key:secret@cloud-name');

  const prefix = url.searchParams.get('upload_prefix');
  let uploadPrefix = DEFAULT_UPLOAD_PREFIX;
  if (prefix !== null) {
    if (!/^https?:\/\/[^/?#]+/.test(prefix)) fail('upload_prefix must be an http(s) URL');
    uploadPrefix = prefix.replace(/\/+$/, '');
  }

  const algorithm = url.searchParams.get('signature_algorithm') ?? 'sha1';
  if (algorithm !== 'sha1' && algorithm !== 'sha256') fail('signature_algorithm must be sha1 or sha256');

  return { cloudName, apiKey, apiSecret, uploadPrefix, signatureAlgorithm: algorithm as 'sha1' | 'sha256' };
}
