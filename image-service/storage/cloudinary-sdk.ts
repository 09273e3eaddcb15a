import http from 'node:http';
import https from 'node:https';
import type { UploadApiOptions, UploadApiResponse } from 'cloudinary';
import { timedOut, toProviderError } from './cloudinary-errors.js';
import type { CloudinaryAccount } from './cloudinary-url.js';

/** The SDK's `v2` namespace, loaded on first use so processes without Cloudinary never load it. */
export type CloudinarySdk = typeof import('cloudinary').v2;

export async function loadCloudinarySdk(): Promise<CloudinarySdk> {
  return (await import('cloudinary')).v2;
}

/**
 * What every SDK call is given, so nothing depends on the SDK's global config: two storages in
 * one process (another account, a wrong secret in a test) never share credentials.
 *
 * `agent` matters: the SDK picks `http` or `https` once, from `CLOUDINARY_URL` in the environment
 * when it is first imported. Node checks a request's protocol against its agent's, so an agent of
 * the protocol our own upload prefix names makes the SDK speak it, whatever it picked at import.
 */
export interface CallOptions {
  cloud_name: string;
  api_key: string;
  api_secret: string;
  upload_prefix: string;
  signature_algorithm: 'sha1' | 'sha256';
  agent: http.Agent;
  timeout: number;
}

export function callOptions(account: CloudinaryAccount, timeoutMs: number, agent: http.Agent): CallOptions {
  return {
    cloud_name: account.cloudName,
    api_key: account.apiKey,
    api_secret: account.apiSecret,
    upload_prefix: account.uploadPrefix,
    signature_algorithm: account.signatureAlgorithm,
    agent,
    timeout: timeoutMs,
  };
}

/** An agent for the upload prefix's protocol; keep-alive for the storage's own calls. */
export function agentFor(uploadPrefix: string, keepAlive: boolean): http.Agent {
  return uploadPrefix.startsWith('http:') ? new http.Agent({ keepAlive }) : new https.Agent({ keepAlive });
}

/**
 * Runs an SDK call under a whole-call deadline; the SDK's own `timeout` only notices a silent
 * socket. `onTimeout` may tear the call down (destroy its agent) so nothing lingers.
 */
export async function withDeadline<T>(action: string, timeoutMs: number, call: () => Promise<T>, onTimeout?: () => void): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<never>((_, reject) => {
    timer = setTimeout(() => {
      onTimeout?.();
      reject(timedOut(action, timeoutMs));
    }, timeoutMs);
  });
  try {
    return await Promise.race([call(), deadline]);
  } catch (error) {
    throw toProviderError(error, action);
  } finally {
    clearTimeout(timer);
  }
}

/** `upload_stream` as a promise: the buffer goes up as the multipart body, no temporary file. */
export function uploadBuffer(sdk: CloudinarySdk, data: Buffer, options: UploadApiOptions): Promise<UploadApiResponse> {
  return new Promise((resolve, reject) => {
    const stream = sdk.uploader.upload_stream(options, (error, result) => {
      if (error) reject(error);
      else if (result) resolve(result);
      else reject(new Error('upload answered with neither a result nor an error'));
    });
    stream.end(data);
  });
}
