import { NotFound, ProviderError, classifyHttpStatus, parseRetryAfter } from '../../shared/errors.js';
import type { ImageFormat, ImageStorage, StoreRequest, StoredFile } from '../ports.js';
import { PROVIDER, storageCode, timedOut } from './cloudinary-errors.js';
import { agentFor, callOptions, loadCloudinarySdk, uploadBuffer, withDeadline } from './cloudinary-sdk.js';
import { parseCloudinaryUrl } from './cloudinary-url.js';

export interface CloudinaryStorageOptions {
  /** `cloudinary://key:secret@cloud-name`; `?upload_prefix=http://127.0.0.1:PORT` points it at a local fake. */
  url: string;
  /** Longest one call (upload, download, destroy, ping) may take before it fails as temporary. */
  timeoutMs: number;
  /** Root folder of every upload. Default `atelier`. */
  folder?: string;
  /**
   * How long a successful ping is trusted, in ms. Default 30 000. Ping uses the Admin API, which
   * Cloudinary limits per hour; a readiness probe every few seconds per process would spend it.
   */
  pingCacheMs?: number;
}

/** The square thumbnail Cloudinary derives on delivery: 256×256, cropped to fill. */
export const THUMBNAIL_TRANSFORMATION = { crop: 'fill', width: 256, height: 256 } as const;

/**
 * Cloudinary storage through its Node SDK. An image goes to `{folder}/users/{userId}/{imageId}`
 * with `overwrite` and `invalidate`, so a retried upload replaces the asset (and the CDN copy)
 * instead of making a second one. The key is the public id; `get` downloads the delivery URL.
 * Async because the SDK is imported here, only when Cloudinary is configured.
 *
 * Images are private: uploaded as `authenticated` assets, which Cloudinary delivers only through
 * signed URLs (`s--SIGNATURE--`, made with the API secret, so no one can make one for another
 * asset or another transformation). The image and its thumbnail URLs handed out are those signed
 * ones. (They do not expire: Cloudinary's expiring tokens need its paid token-auth add-on.)
 */
export async function createCloudinaryStorage(options: CloudinaryStorageOptions): Promise<ImageStorage> {
  const account = parseCloudinaryUrl(options.url);
  const sdk = await loadCloudinarySdk();
  const { timeoutMs } = options;
  const root = options.folder ?? 'atelier';
  const pingCacheMs = options.pingCacheMs ?? 30_000;
  const call = callOptions(account, timeoutMs, agentFor(account.uploadPrefix, true));
  let pingedAt = Number.NEGATIVE_INFINITY;

  return {
    kind: 'cloudinary',

    async put(request: StoreRequest): Promise<StoredFile> {
      const result = await withDeadline('upload', timeoutMs, () =>
        uploadBuffer(sdk, request.data, {
          ...call,
          resource_type: 'image',
          type: DELIVERY_TYPE,
          folder: `${root}/users/${pathSegment(request.userId)}`,
          public_id: pathSegment(request.imageId),
          overwrite: true,
          invalidate: true,
          format: cloudinaryFormat(request.format),
          tags: (request.tags ?? []).filter((tag) => tag.length > 0),
          context: request.context ?? {},
        }),
      );
      if (
        typeof result.secure_url !== 'string' ||
        typeof result.public_id !== 'string' ||
        typeof result.bytes !== 'number' ||
        typeof result.version !== 'number' ||
        typeof result.format !== 'string'
      ) {
        throw new ProviderError(PROVIDER, 'invalid_response', 'upload answered without secure_url, public_id, version, format or bytes');
      }
      const signed = (transformation?: typeof THUMBNAIL_TRANSFORMATION) =>
        onDeliveryHost(
          result.secure_url,
          sdk.url(result.public_id, {
            resource_type: 'image',
            type: DELIVERY_TYPE,
            sign_url: true,
            secure: true,
            version: result.version,
            format: result.format,
            cloud_name: account.cloudName,
            api_secret: account.apiSecret,
            signature_algorithm: account.signatureAlgorithm,
            urlAnalytics: false,
            ...transformation,
          }),
        );
      return { url: signed(), key: result.public_id, bytes: result.bytes, thumbnailUrl: signed(THUMBNAIL_TRANSFORMATION) };
    },

    async get({ key, url }): Promise<Buffer> {
      if (url === null) throw new NotFound('stored file', key);
      return download(url, key, timeoutMs);
    },

    async remove(key: string): Promise<void> {
      const destroy = async (type: string) => {
        const result: unknown = await withDeadline('destroy', timeoutMs, () =>
          sdk.uploader.destroy(key, { ...call, resource_type: 'image', type, invalidate: true }),
        );
        const outcome = (result as { result?: unknown } | undefined)?.result;
        // "not found" is the asset being gone already: what remove is asked to reach.
        if (outcome !== 'ok' && outcome !== 'not found') {
          throw new ProviderError(PROVIDER, 'invalid_response', `destroy answered ${JSON.stringify(outcome)}`);
        }
        return outcome;
      };
      // Images stored before they were private are public `upload` assets: Cloudinary keeps the
      // types apart, so one not found as authenticated is looked for as that too.
      if ((await destroy(DELIVERY_TYPE)) === 'not found') await destroy('upload');
    },

    async ping(): Promise<void> {
      if (Date.now() - pingedAt < pingCacheMs) return;
      // A throwaway agent: the SDK never aborts a silent Admin API call, so the deadline destroys it.
      const agent = agentFor(account.uploadPrefix, false);
      try {
        const result: unknown = await withDeadline('ping', timeoutMs, () => sdk.api.ping({ ...call, agent }), () => agent.destroy());
        if ((result as { status?: unknown } | undefined)?.status !== 'ok') {
          throw new ProviderError(PROVIDER, 'invalid_response', 'ping answered without status "ok"');
        }
      } finally {
        agent.destroy();
      }
      pingedAt = Date.now();
    },
  };
}

/** Downloads a delivered asset; a 404 is the file being gone, anything else is the provider's. */
async function download(url: string, key: string, timeoutMs: number): Promise<Buffer> {
  if (!/^https?:\/\//.test(url)) throw new ProviderError(PROVIDER, 'invalid_request', `download failed (not an http(s) URL: ${key})`);
  const signal = AbortSignal.timeout(timeoutMs);
  try {
    const response = await fetch(url, { signal });
    if (response.ok) return Buffer.from(await response.arrayBuffer());
    await response.body?.cancel();
    if (response.status === 404) throw new NotFound('stored file', key);
    const kind = classifyHttpStatus(response.status);
    throw new ProviderError(PROVIDER, kind, `download failed (HTTP ${response.status})`, {
      retryAfterMs: parseRetryAfter(response.headers.get('retry-after')),
      ...storageCode(kind),
    });
  } catch (error) {
    if (error instanceof NotFound || error instanceof ProviderError) throw error;
    if (signal.aborted) throw timedOut('download', timeoutMs);
    throw new ProviderError(PROVIDER, 'temporary', `download failed (${error instanceof Error ? error.message : String(error)})`, {
      cause: error,
      ...storageCode('temporary'),
    });
  }
}

/** Private: delivered only through signed URLs. */
const DELIVERY_TYPE = 'authenticated';

/**
 * A URL the SDK built and signed, on the delivery host of the URL the upload returned (shared,
 * private CDN, CNAME: whatever the account delivers from; the signature covers only the path
 * after the type). The version is the upload's, so an overwritten image never shows an old
 * cached copy.
 */
function onDeliveryHost(secureUrl: string, built: string): string {
  const marker = '/image/';
  const host = secureUrl.indexOf(marker);
  const path = built.indexOf(marker);
  return host < 0 || path < 0 ? built : secureUrl.slice(0, host) + built.slice(path);
}

/**
 * A folder or public-id segment Cloudinary keeps as given. Anything else (`/`, `?`, `&`, `#`,
 * `%`, spaces…) becomes `_`; a changed user id may then share a folder with another, which is only
 * a grouping: the image id alone makes the public id unique.
 */
function pathSegment(value: string): string {
  const safe = value.replace(/[^A-Za-z0-9_.@-]/g, '_').replace(/^\.+/, '_');
  return safe.length > 0 ? safe : '_';
}

function cloudinaryFormat(format: ImageFormat): string {
  return format === 'jpeg' ? 'jpg' : format;
}
