import { createHash, randomBytes } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import sharp from 'sharp';
import type { FitEnum, FormatEnum } from 'sharp';

/**
 * A local Cloudinary for tests: a real HTTP server speaking the Upload API as the Node SDK sends
 * it (multipart, signed), the Admin API's ping (Basic auth), and delivery of what it stores, so
 * code under test runs through the real SDK. Point the SDK at it with {@link FakeCloudinary.cloudinaryUrl}.
 *
 * Delivery types as Cloudinary has them: an asset uploaded with `type: authenticated` is served
 * only at `/image/authenticated/s--SIGNATURE--/…` with the signature Cloudinary computes (the
 * first 8 characters of the url-safe base64 SHA of `{transformation/}{public_id}.{format}` plus
 * the API secret); without it, or with another, 401 and an `X-Cld-Error`. A signature on a
 * public (`upload`) URL must be right too. An asset asked for under another type than its own is
 * not found, and so is a destroy of another type.
 */

export interface FakeCloudinaryOptions {
  /** Default `atelier-test`. */
  cloudName?: string;
  /** Default `123456789012345`. */
  apiKey?: string;
  /** Default a random one per fake. */
  apiSecret?: string;
  /** How the account signs requests, as Cloudinary's console setting. Default `sha1`. */
  signatureAlgorithm?: 'sha1' | 'sha256';
}

/** The delivery types the fake knows: public, or only through a signed URL. */
export type FakeDeliveryType = 'upload' | 'authenticated';

export interface FakeAsset {
  publicId: string;
  type: FakeDeliveryType;
  version: number;
  format: string;
  data: Buffer;
  width: number;
  height: number;
  folder: string | null;
  tags: string[];
  context: Record<string, string>;
}

interface RecordedCall {
  /** Every multipart field but the file, as sent. */
  fields: Record<string, string>;
  signature: string | undefined;
  timestamp: number | undefined;
  /** Whether the signature matched the one Cloudinary would compute with the account's secret. */
  signatureValid: boolean;
  /** The status answered; null while a scripted hang holds the request. */
  status: number | null;
}

export interface RecordedUpload extends RecordedCall {
  /** The public id as sent (without the folder). */
  publicId: string | undefined;
  /** The `type` field as sent (undefined: Cloudinary's default, `upload`). */
  type: string | undefined;
  folder: string | undefined;
  format: string | undefined;
  tags: string[];
  context: Record<string, string>;
  /** As sent; undefined when not sent (Cloudinary then overwrites an upload with a public id). */
  overwrite: boolean | undefined;
  invalidate: boolean | undefined;
  file: Buffer;
}

export interface RecordedDestroy extends RecordedCall {
  publicId: string | undefined;
  type: string | undefined;
  invalidate: boolean | undefined;
  result: 'ok' | 'not found' | undefined;
}

/** What the next request gets instead of the real answer: an error status, or no answer at all. */
export type FakeCloudinaryStep = { status: number; headers?: Record<string, string>; message?: string } | { hang: true };

export interface FakeCloudinary {
  readonly cloudName: string;
  readonly apiKey: string;
  readonly apiSecret: string;
  /** `http://127.0.0.1:{port}`. */
  readonly origin: string;
  /** `cloudinary://{key}:{secret}@{cloud}?upload_prefix=http://127.0.0.1:{port}`. */
  readonly cloudinaryUrl: string;
  /** Stored assets by full public id (folder included). */
  readonly assets: Map<string, FakeAsset>;
  readonly uploads: RecordedUpload[];
  readonly destroys: RecordedDestroy[];
  /** Every delivery request: its path as asked for and the status answered. */
  readonly deliveries: { path: string; status: number }[];
  /** Ping requests received, answered or not. */
  readonly pings: number;
  /** Scripts the next requests (any endpoint, in arrival order), one step each. */
  failNext(...steps: FakeCloudinaryStep[]): void;
  /** The first upload matching `predicate`, already recorded or yet to come. */
  waitForUpload(predicate?: (upload: RecordedUpload) => boolean): Promise<RecordedUpload>;
  close(): Promise<void>;
}

/** What every recorded call holds: its fields, its signature and whether that was valid. */
function recordedCall(fields: Record<string, string>, signatureValid: boolean): RecordedCall {
  return {
    fields,
    signature: fields.signature,
    timestamp: fields.timestamp === undefined ? undefined : Number(fields.timestamp),
    signatureValid,
    status: null,
  };
}

/** Fields Cloudinary leaves out of the string to sign. */
const UNSIGNED_FIELDS = new Set(['file', 'api_key', 'resource_type', 'cloud_name', 'signature']);

export async function startFakeCloudinary(options: FakeCloudinaryOptions = {}): Promise<FakeCloudinary> {
  const cloudName = options.cloudName ?? 'atelier-test';
  const apiKey = options.apiKey ?? '123456789012345';
  const apiSecret = options.apiSecret ?? randomBytes(12).toString('base64url');
  const algorithm = options.signatureAlgorithm ?? 'sha1';
  const assets = new Map<string, FakeAsset>();
  const uploads: RecordedUpload[] = [];
  const destroys: RecordedDestroy[] = [];
  const deliveries: { path: string; status: number }[] = [];
  const steps: FakeCloudinaryStep[] = [];
  const waiters: { predicate: (upload: RecordedUpload) => boolean; resolve: (upload: RecordedUpload) => void }[] = [];
  let pings = 0;
  let origin = '';

  const recordUpload = (upload: RecordedUpload): void => {
    uploads.push(upload);
    for (const waiter of [...waiters]) {
      if (!waiter.predicate(upload)) continue;
      waiters.splice(waiters.indexOf(waiter), 1);
      waiter.resolve(upload);
    }
  };

  const verify = (fields: Record<string, string>): { valid: boolean; error?: string } => {
    if (fields.api_key !== apiKey) return { valid: false, error: `Unknown API key ${fields.api_key ?? ''}` };
    const toSign = stringToSign(fields);
    const expected = createHash(algorithm).update(toSign + apiSecret).digest('hex');
    if (fields.signature === expected) return { valid: true };
    return { valid: false, error: `Invalid Signature ${fields.signature ?? ''}. String to sign - '${toSign}'.` };
  };

  async function upload(request: http.IncomingMessage, response: http.ServerResponse, step: FakeCloudinaryStep | undefined): Promise<void> {
    const { fields, file } = parseMultipart(await readBody(request), request.headers['content-type'] ?? '');
    const check = verify(fields);
    const record: RecordedUpload = {
      ...recordedCall(fields, check.valid),
      publicId: fields.public_id,
      type: fields.type,
      folder: fields.folder,
      format: fields.format,
      tags: fields.tags ? fields.tags.split(',') : [],
      context: fields.context ? parseContext(fields.context) : {},
      overwrite: flag(fields.overwrite),
      invalidate: flag(fields.invalidate),
      file: file ?? Buffer.alloc(0),
    };
    const answer = (status: number, body: unknown, headers: Record<string, string> = {}): void => {
      record.status = status;
      recordUpload(record);
      sendJson(response, status, body, headers);
    };
    if (step && 'hang' in step) return recordUpload(record);
    if (step) return answer(step.status, errorBody(step.message ?? `scripted ${step.status}`), step.headers);
    if (!check.valid) return answer(401, errorBody(check.error ?? 'Invalid Signature'));
    if (!file) return answer(400, errorBody('Missing required parameter - file'));
    const type = fields.type ?? 'upload';
    if (type !== 'upload' && type !== 'authenticated') return answer(400, errorBody(`Invalid type ${type}`));

    let image: { data: Buffer; format: string; width: number; height: number };
    try {
      image = await decodeAs(file, fields.format);
    } catch {
      return answer(400, errorBody('Invalid image file'));
    }
    const folder = fields.folder?.replace(/^\/+|\/+$/g, '') || null;
    const id = fields.public_id || randomBytes(10).toString('hex');
    const publicId = folder ? `${folder}/${id}` : id;
    const existing = assets.get(publicId);
    if (existing && record.overwrite === false) return answer(200, { ...describe(existing), existing: true });
    const version = Math.max(Math.floor(Date.now() / 1000), (existing?.version ?? 0) + 1);
    const asset: FakeAsset = { publicId, type, version, folder, tags: record.tags, context: record.context, ...image };
    assets.set(publicId, asset);
    answer(200, { ...describe(asset), overwritten: existing !== undefined, original_filename: 'file', api_key: apiKey });
  }

  async function destroy(request: http.IncomingMessage, response: http.ServerResponse, step: FakeCloudinaryStep | undefined): Promise<void> {
    const { fields } = parseMultipart(await readBody(request), request.headers['content-type'] ?? '');
    const check = verify(fields);
    const record: RecordedDestroy = {
      ...recordedCall(fields, check.valid),
      publicId: fields.public_id,
      type: fields.type,
      invalidate: flag(fields.invalidate),
      result: undefined,
    };
    destroys.push(record);
    if (step && 'hang' in step) return;
    const answer = (status: number, body: unknown, headers?: Record<string, string>): void => {
      record.status = status;
      sendJson(response, status, body, headers);
    };
    if (step) return answer(step.status, errorBody(step.message ?? `scripted ${step.status}`), step.headers);
    if (!check.valid) return answer(401, errorBody(check.error ?? 'Invalid Signature'));
    if (!fields.public_id) return answer(400, errorBody('Missing required parameter - public_id'));
    const existing = assets.get(fields.public_id);
    // Cloudinary keeps each type apart: destroying the `upload` asset leaves an authenticated one.
    record.result = existing && existing.type === (fields.type ?? 'upload') && assets.delete(fields.public_id) ? 'ok' : 'not found';
    answer(200, { result: record.result });
  }

  function ping(request: http.IncomingMessage, response: http.ServerResponse, step: FakeCloudinaryStep | undefined): void {
    pings += 1;
    request.resume();
    if (step && 'hang' in step) return;
    if (step) return sendJson(response, step.status, errorBody(step.message ?? `scripted ${step.status}`), step.headers);
    const [key, secret] = basicAuth(request.headers.authorization);
    if (key !== apiKey) return sendJson(response, 401, errorBody(`Unknown API key ${key ?? ''}`));
    if (secret !== apiSecret) return sendJson(response, 401, errorBody('Invalid credentials'));
    sendJson(response, 200, { status: 'ok' });
  }

  /** `rest`: the path after `/{cloud}/image/{type}/`, still percent-encoded, as the SDK signed it. */
  async function deliver(type: FakeDeliveryType, rest: string, response: http.ServerResponse, step: FakeCloudinaryStep | undefined): Promise<void> {
    const answer = (status: number, message: string) => {
      deliveries.push({ path: `${type}/${rest}`, status });
      sendError(response, status, message);
    };
    if (step && 'hang' in step) return;
    if (step) return sendJson(response, step.status, errorBody(step.message ?? `scripted ${step.status}`), step.headers);
    const signed = /^s--([A-Za-z0-9_-]+)--\/(.*)$/.exec(rest);
    const unsigned = signed ? signed[2]! : rest;
    const wanted = parseDeliveryPath(decodeURIComponent(unsigned));
    if (signed && signed[1] !== urlSignature(unsigned)) return answer(401, 'Invalid signature');
    if (!signed && type === 'authenticated') return answer(401, 'Signature required for authenticated resources');
    const asset = wanted && assets.get(wanted.publicId);
    if (!wanted || !asset || asset.type !== type) return answer(404, `Resource not found - ${wanted?.publicId ?? rest}`);
    try {
      const data = await render(asset, wanted.format, wanted.transformation);
      deliveries.push({ path: `${type}/${rest}`, status: 200 });
      response.writeHead(200, { 'content-type': `image/${wanted.format === 'jpg' ? 'jpeg' : wanted.format}`, 'content-length': data.length });
      response.end(data);
    } catch (error) {
      answer(400, error instanceof Error ? error.message : 'Invalid transformation');
    }
  }

  /** What Cloudinary signs a delivery URL with: the path after the signature, without the version. */
  function urlSignature(path: string): string {
    const segments = path.split('/');
    // The version comes first, or right after a transformation; it is left out of what is signed.
    const version = segments.findIndex((segment, index) => index <= 1 && index < segments.length - 1 && /^v\d+$/.test(segment));
    if (version >= 0) segments.splice(version, 1);
    const toSign = segments.join('/');
    return createHash(algorithm).update(toSign + apiSecret).digest('base64').slice(0, 8).replace(/\//g, '_').replace(/\+/g, '-');
  }

  function describe(asset: FakeAsset): Record<string, unknown> {
    // An authenticated asset's URLs come back signed, as Cloudinary returns them.
    const source = `${asset.publicId}.${asset.format}`;
    const signature = asset.type === 'authenticated' ? `s--${urlSignature(source)}--/` : '';
    const path = `image/${asset.type}/${signature}v${asset.version}/${source}`;
    return {
      asset_id: createHash('md5').update(asset.publicId).digest('hex'),
      public_id: asset.publicId,
      version: asset.version,
      signature: createHash('sha1').update(asset.data).digest('hex'),
      width: asset.width,
      height: asset.height,
      format: asset.format,
      resource_type: 'image',
      created_at: new Date(asset.version * 1000).toISOString(),
      tags: asset.tags,
      context: Object.keys(asset.context).length > 0 ? { custom: asset.context } : undefined,
      bytes: asset.data.length,
      type: asset.type,
      etag: createHash('md5').update(asset.data).digest('hex'),
      placeholder: false,
      url: `${origin}/${cloudName}/${path}`,
      secure_url: `${origin}/${cloudName}/${path}`,
      asset_folder: asset.folder ?? '',
    };
  }

  const server = http.createServer((request, response) => {
    const step = steps.shift();
    const rawPath = new URL(request.url ?? '/', 'http://fake').pathname;
    const path = decodeURIComponent(rawPath);
    const api = `/v1_1/${cloudName}/`;
    const delivery = new RegExp(`^/${cloudName}/image/(upload|authenticated)/(.+)$`).exec(rawPath);
    const handled = (async () => {
      if (request.method === 'POST' && path === `${api}image/upload`) return upload(request, response, step);
      if (request.method === 'POST' && path === `${api}image/destroy`) return destroy(request, response, step);
      if (request.method === 'GET' && path === `${api}ping`) return ping(request, response, step);
      if (request.method === 'GET' && delivery) return deliver(delivery[1] as FakeDeliveryType, delivery[2]!, response, step);
      request.resume();
      if (path.startsWith('/v1_1/') && !path.startsWith(api)) return sendJson(response, 401, errorBody('Invalid cloud_name'));
      sendJson(response, 404, errorBody(`No route ${request.method} ${path}`));
    })();
    handled.catch((error: unknown) => {
      if (!response.headersSent) sendJson(response, 500, errorBody(error instanceof Error ? error.message : 'fake failed'));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  return {
    cloudName,
    apiKey,
    apiSecret,
    origin,
    cloudinaryUrl: `cloudinary://${apiKey}:${apiSecret}@${cloudName}?upload_prefix=${origin}`,
    assets,
    uploads,
    destroys,
    deliveries,
    get pings() {
      return pings;
    },
    failNext: (...next) => void steps.push(...next),
    waitForUpload(predicate = () => true) {
      const seen = uploads.find(predicate);
      if (seen) return Promise.resolve(seen);
      return new Promise((resolve) => waiters.push({ predicate, resolve }));
    },
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
        // Hung requests and keep-alive sockets would hold close() open.
        server.closeAllConnections();
      }),
  };
}

/**
 * Cloudinary's string to sign: the signed fields sorted by name, `name=value` joined by `&`, each
 * pair's own `&` escaped as `%26` (signature version 2), empty values and arrays' `[]` left out.
 */
export function stringToSign(fields: Record<string, string>): string {
  return Object.entries(fields)
    .map(([name, value]) => [name.replace(/\[\]$/, ''), value] as const)
    .filter(([name, value]) => !UNSIGNED_FIELDS.has(name) && value !== '')
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([name, value]) => `${name}=${value}`.replaceAll('&', '%26'))
    .join('&');
}

/** The image as stored: converted when the upload asked for another format, like Cloudinary does. */
async function decodeAs(file: Buffer, format: string | undefined): Promise<{ data: Buffer; format: string; width: number; height: number }> {
  const meta = await sharp(file).metadata();
  const detected = meta.format === 'jpeg' ? 'jpg' : meta.format;
  const wanted = format === 'jpeg' ? 'jpg' : (format ?? detected);
  const data = wanted === detected ? file : await sharp(file).toFormat(wanted === 'jpg' ? 'jpeg' : (wanted as keyof FormatEnum)).toBuffer();
  return { data, format: wanted, width: meta.width ?? 0, height: meta.height ?? 0 };
}

interface Delivery {
  publicId: string;
  format: string;
  transformation: Record<string, string> | null;
}

/** `[transformation/][v123/]public/id.ext`, as Cloudinary's delivery URLs read. */
function parseDeliveryPath(rest: string): Delivery | null {
  const segments = rest.split('/');
  let transformation: Record<string, string> | null = null;
  if (segments.length > 1 && /^[a-z]{1,3}_[^,]+(,[a-z]{1,3}_[^,]+)*$/.test(segments[0]!)) {
    transformation = Object.fromEntries(segments.shift()!.split(',').map((part) => [part.slice(0, part.indexOf('_')), part.slice(part.indexOf('_') + 1)]));
  }
  if (segments.length > 1 && /^v\d+$/.test(segments[0]!)) segments.shift();
  const last = segments.pop() ?? '';
  const dot = last.lastIndexOf('.');
  if (dot <= 0) return null;
  return { publicId: [...segments, last.slice(0, dot)].join('/'), format: last.slice(dot + 1), transformation };
}

const CROPS: Record<string, { fit: keyof FitEnum; withoutEnlargement?: boolean }> = {
  fill: { fit: 'cover' },
  fit: { fit: 'inside' },
  limit: { fit: 'inside', withoutEnlargement: true },
  scale: { fit: 'fill' },
};

async function render(asset: FakeAsset, format: string, transformation: Record<string, string> | null): Promise<Buffer> {
  if (!transformation && format === asset.format) return asset.data;
  let image = sharp(asset.data);
  if (transformation) {
    const { c = 'scale', w, h, ...unknown } = transformation;
    const crop = CROPS[c];
    if (!crop || Object.keys(unknown).length > 0) throw new Error(`Invalid transformation ${JSON.stringify(transformation)}`);
    image = image.resize({ width: w ? Number(w) : undefined, height: h ? Number(h) : undefined, ...crop });
  }
  return image.toFormat(format === 'jpg' ? 'jpeg' : (format as keyof FormatEnum)).toBuffer();
}

/** The fields and the file of a `multipart/form-data` body; repeated fields join with `,`. */
function parseMultipart(body: Buffer, contentType: string): { fields: Record<string, string>; file: Buffer | undefined } {
  const fields: Record<string, string> = {};
  let file: Buffer | undefined;
  const boundary = /boundary=(?:"([^"]+)"|([^;\s]+))/.exec(contentType);
  if (!boundary) return { fields, file };
  const delimiter = Buffer.from(`--${boundary[1] ?? boundary[2]}`);
  let at = body.indexOf(delimiter);
  while (at !== -1) {
    const start = at + delimiter.length + 2; // past the delimiter and its CRLF (or the closing "--")
    if (body.subarray(at + delimiter.length, start).toString() === '--') break;
    const next = body.indexOf(delimiter, start);
    if (next === -1) break;
    const part = body.subarray(start, next - 2); // the CRLF before the next delimiter belongs to it
    const headerEnd = part.indexOf('\r\n\r\n');
    const headers = part.subarray(0, headerEnd).toString('utf8');
    const content = part.subarray(headerEnd + 4);
    const name = /;\s*name="([^"]*)"/.exec(headers)?.[1];
    if (name === 'file' && /filename="/.test(headers)) file = Buffer.from(content);
    else if (name !== undefined) fields[name] = fields[name] === undefined ? content.toString('utf8') : `${fields[name]},${content.toString('utf8')}`;
    at = next;
  }
  return { fields, file };
}

/** `key=value|key=value`, with `\=` and `\|` escaped, as the SDK's `encode_context` writes it. */
function parseContext(value: string): Record<string, string> {
  const unescape = (text: string) => text.replace(/\\([=|])/g, '$1');
  return Object.fromEntries(
    value.split(/(?<!\\)\|/).map((pair) => {
      const [key = '', ...rest] = pair.split(/(?<!\\)=/);
      return [unescape(key), unescape(rest.join('='))];
    }),
  );
}

function basicAuth(header: string | undefined): [string | undefined, string | undefined] {
  if (!header?.startsWith('Basic ')) return [undefined, undefined];
  const decoded = Buffer.from(header.slice(6), 'base64').toString('utf8');
  const colon = decoded.indexOf(':');
  return colon < 0 ? [decoded, undefined] : [decoded.slice(0, colon), decoded.slice(colon + 1)];
}

const flag = (value: string | undefined): boolean | undefined => (value === undefined ? undefined : value === '1' || value === 'true');

const errorBody = (message: string) => ({ error: { message } });

function sendJson(response: http.ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  const text = JSON.stringify(body);
  response.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'content-length': Buffer.byteLength(text), ...headers });
  response.end(text);
}

/** Delivery errors come as an `X-Cld-Error` header and an empty body, as Cloudinary's CDN sends them. */
function sendError(response: http.ServerResponse, status: number, message: string): void {
  response.writeHead(status, { 'x-cld-error': message, 'content-length': 0 });
  response.end();
}

async function readBody(request: http.IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}
