import { createServer, type IncomingHttpHeaders, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import sharp from 'sharp';

/**
 * A local Gemini API for tests: a real HTTP server speaking the REST wire format `@google/genai`
 * uses (`POST /{version}/models/{model}:generateContent`), so the engines are tested through the
 * real SDK pointed at it with `httpOptions.baseUrl`. It records every request and answers from a
 * per-model script of steps; with nothing scripted it answers like a working model.
 */

/** One part of a request or response content, as on the wire. */
export interface GeminiPart {
  text?: string;
  thought?: boolean;
  inlineData?: { mimeType?: string; data?: string };
  [key: string]: unknown;
}

export interface GeminiContent {
  role?: string;
  parts?: GeminiPart[];
}

/** A `generateContent` request body, as the SDK sends it (the fields the tests look at). */
export interface GeminiRequestBody {
  contents?: GeminiContent[];
  systemInstruction?: GeminiContent;
  generationConfig?: {
    responseMimeType?: string;
    responseJsonSchema?: unknown;
    responseSchema?: unknown;
    responseModalities?: string[];
    imageConfig?: { aspectRatio?: string; [key: string]: unknown };
    seed?: number;
    [key: string]: unknown;
  };
  [key: string]: unknown;
}

export interface RecordedRequest {
  method: string;
  /** The path without the query, e.g. `/v1beta/models/gemini-2.5-flash:generateContent`. */
  path: string;
  /** The model named in the path; undefined for a path that names none. */
  model: string | undefined;
  headers: IncomingHttpHeaders;
  /** The key from `x-goog-api-key` or `?key=`. */
  apiKey: string | undefined;
  body: GeminiRequestBody;
}

/**
 * How the fake answers one request:
 * - `ok`: 200 with this body, or (with `true`) the default one: a refinement JSON derived from the
 *   prompt for a text model, a real small PNG for an image model;
 * - `status`: that HTTP error with a Google-style error body (or `body`) and `headers`;
 * - `hang`: never answers (the client's timeout fires);
 * - `safety`: a blocked answer: `prompt` = promptFeedback.blockReason, `candidate` = a candidate
 *   stopped with a safety finish reason; `true` = prompt for a text model, candidate for an image model;
 * - `ratings`: answers like `ok: true`, with safety ratings as Gemini sends them when it does not
 *   block: every harm category NEGLIGIBLE but those given, on the first candidate
 *   (`candidates[0].safetyRatings`) or, with `at: 'prompt'`, on `promptFeedback.safetyRatings`;
 * - `malformed`: 200 with a body that is not JSON;
 * - `noImage`: 200 with only text (`text`, or a refusal-like sentence);
 * - `hold`: answers like `ok` once the promise resolves.
 */
export type FakeGeminiStep =
  | { ok: true | object }
  | { status: number; body?: unknown; headers?: Record<string, string> }
  | { hang: true }
  | { safety: true | 'prompt' | 'candidate' }
  | { ratings: Partial<Record<HarmCategoryName, HarmProbabilityName>>; at?: 'prompt' | 'candidate' }
  | { malformed: true }
  | { noImage: true; text?: string }
  | { hold: Promise<void> };

export interface FakeGemini {
  /** The base URL to give the SDK (`httpOptions.baseUrl`), e.g. `http://127.0.0.1:40123`. */
  readonly url: string;
  /** Every request received, in arrival order. */
  readonly requests: RecordedRequest[];
  /** Queue answers for a model's next requests, used in arrival order. */
  script(model: string, ...steps: FakeGeminiStep[]): void;
  /** The first request so far matching the predicate, or the next one to arrive. */
  waitForRequest(predicate?: (request: RecordedRequest) => boolean): Promise<RecordedRequest>;
  close(): Promise<void>;
}

/** The harm categories the Gemini API rates (HarmCategory), and how likely it finds each (HarmProbability). */
export type HarmCategoryName =
  | 'HARM_CATEGORY_HARASSMENT'
  | 'HARM_CATEGORY_HATE_SPEECH'
  | 'HARM_CATEGORY_SEXUALLY_EXPLICIT'
  | 'HARM_CATEGORY_DANGEROUS_CONTENT';
export type HarmProbabilityName = 'NEGLIGIBLE' | 'LOW' | 'MEDIUM' | 'HIGH';

/** The size of the default image: neither square nor any size the tests ask for, so resizing shows. */
export const FAKE_IMAGE_SIZE = { width: 96, height: 64 } as const;

const PATH = /^\/(v1(?:alpha|beta\d*)?)\/models\/([^/:]+):generateContent$/;

const GREETING = /^\s*(hi|hello|hey|hallo|hola|bonjour|ciao|good (morning|afternoon|evening)|thanks|thank you)\b/i;

const ERROR_STATUS: Record<number, string> = {
  400: 'INVALID_ARGUMENT',
  401: 'UNAUTHENTICATED',
  403: 'PERMISSION_DENIED',
  404: 'NOT_FOUND',
  429: 'RESOURCE_EXHAUSTED',
  500: 'INTERNAL',
  503: 'UNAVAILABLE',
};

export async function startFakeGemini(): Promise<FakeGemini> {
  const requests: RecordedRequest[] = [];
  const scripts = new Map<string, FakeGeminiStep[]>();
  const waiters: { predicate: (request: RecordedRequest) => boolean; resolve: (request: RecordedRequest) => void }[] = [];
  let png: Promise<Buffer> | undefined;
  const defaultPng = () =>
    (png ??= sharp({ create: { ...FAKE_IMAGE_SIZE, channels: 3, background: { r: 40, g: 90, b: 200 } } }).png().toBuffer());

  const record = (request: RecordedRequest) => {
    requests.push(request);
    for (const waiter of [...waiters]) {
      if (!waiter.predicate(request)) continue;
      waiters.splice(waiters.indexOf(waiter), 1);
      waiter.resolve(request);
    }
  };

  const handle = async (req: IncomingMessage, res: ServerResponse) => {
    const url = new URL(req.url ?? '/', 'http://fake');
    const match = PATH.exec(url.pathname);
    const raw = await readBody(req);
    let body: GeminiRequestBody = {};
    let parsed = true;
    try {
      body = raw === '' ? {} : (JSON.parse(raw) as GeminiRequestBody);
    } catch {
      parsed = false;
    }
    const apiKey = headerValue(req.headers['x-goog-api-key']) ?? url.searchParams.get('key') ?? undefined;
    record({ method: req.method ?? 'GET', path: url.pathname, model: match?.[2], headers: req.headers, apiKey, body });

    if (req.method !== 'POST' || !match) return sendError(res, 404, `no route for ${req.method} ${url.pathname}`);
    if (!apiKey) return sendError(res, 401, 'Method doesn\'t allow unregistered callers. Please use an API key.');
    if (!parsed) return sendError(res, 400, 'Invalid JSON payload received.');

    const model = match[2] as string;
    const step = scripts.get(model)?.shift() ?? { ok: true };
    const image = isImageRequest(model, body);
    if ('hang' in step) return; // the socket stays open until the client gives up or close()
    if ('hold' in step) {
      await step.hold;
      if (res.destroyed) return;
      return sendJson(res, 200, await defaultBody(model, body, image, defaultPng));
    }
    if ('status' in step) {
      const errorBody = step.body ?? googleError(step.status, ERROR_STATUS[step.status] ?? 'UNKNOWN', 'scripted failure');
      return sendJson(res, step.status, errorBody, step.headers);
    }
    if ('malformed' in step) {
      res.writeHead(200, { 'content-type': 'application/json; charset=UTF-8' });
      return void res.end('{"candidates": [{"content": {"parts": [{"text": ');
    }
    if ('noImage' in step) {
      const text = step.text ?? 'I cannot make that picture, but I can describe it in words.';
      return sendJson(res, 200, candidateBody(model, [{ text }], 'STOP', body));
    }
    if ('safety' in step) {
      const where = step.safety === true ? (image ? 'candidate' : 'prompt') : step.safety;
      return sendJson(res, 200, where === 'prompt' ? promptBlocked(model, body) : candidateBlocked(model, image, body));
    }
    if ('ratings' in step) {
      return sendJson(res, 200, withRatings(await defaultBody(model, body, image, defaultPng), step.ratings, step.at ?? 'candidate'));
    }
    if (step.ok === true) return sendJson(res, 200, await defaultBody(model, body, image, defaultPng));
    return sendJson(res, 200, step.ok);
  };

  const server = createServer((req, res) => {
    handle(req, res).catch((error: unknown) => {
      if (!res.headersSent) sendError(res, 500, error instanceof Error ? error.message : String(error));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;

  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    script(model, ...steps) {
      scripts.set(model, [...(scripts.get(model) ?? []), ...steps]);
    },
    waitForRequest(predicate = () => true) {
      const seen = requests.find(predicate);
      if (seen) return Promise.resolve(seen);
      return new Promise((resolve) => waiters.push({ predicate, resolve }));
    },
    close() {
      return new Promise((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
        // Hanging and held requests would otherwise keep close() waiting forever.
        server.closeAllConnections();
      });
    },
  };
}

/** A 200 body whose only candidate says `text` (e.g. a JSON string the engine must parse). */
export function textResponse(text: string, usage = { promptTokenCount: 12, candidatesTokenCount: 34 }): object {
  return {
    candidates: [{ content: { role: 'model', parts: [{ text }] }, finishReason: 'STOP', index: 0 }],
    usageMetadata: { ...usage, totalTokenCount: usage.promptTokenCount + usage.candidatesTokenCount },
    modelVersion: 'fake',
  };
}

/** A 200 body with a short text part and then the image as inlineData, as image models answer. */
export function imageResponse(data: Buffer, mimeType = 'image/png'): object {
  return {
    candidates: [
      {
        content: { role: 'model', parts: [{ text: 'Here is your image.' }, { inlineData: { mimeType, data: data.toString('base64') } }] },
        finishReason: 'STOP',
        index: 0,
      },
    ],
    usageMetadata: { promptTokenCount: 20, candidatesTokenCount: 1290, totalTokenCount: 1310 },
    modelVersion: 'fake',
  };
}

/** The text of the last part of the last content: the newest user message. */
export function lastUserText(body: GeminiRequestBody): string {
  const parts = body.contents?.at(-1)?.parts ?? [];
  return [...parts].reverse().find((part) => typeof part.text === 'string')?.text ?? '';
}

/** The refinement the fake's text model gives by default: chat for a greeting, edit for "make it …". */
export function defaultRefinement(prompt: string) {
  const text = prompt.trim();
  if (GREETING.test(text)) {
    return { intent: 'chat', confidence: 0.95, refined_prompt: '', negative_prompt: '', reply: 'Hello! What would you like me to draw?' };
  }
  if (/^make it\b/i.test(text)) {
    return { intent: 'edit', confidence: 0.9, refined_prompt: text, negative_prompt: 'changes to anything else', reply: 'Changing the picture.' };
  }
  return {
    intent: 'generate',
    confidence: 0.85,
    refined_prompt: `${text}, highly detailed, soft natural light, balanced composition`,
    negative_prompt: 'blurry, low quality, watermark, text',
    reply: 'Making your picture.',
  };
}

async function defaultBody(model: string, body: GeminiRequestBody, image: boolean, png: () => Promise<Buffer>): Promise<object> {
  if (image) return { ...imageResponse(await png()), modelVersion: model };
  const prompt = lastUserText(body);
  const text = JSON.stringify(defaultRefinement(prompt));
  return {
    ...textResponse(text, { promptTokenCount: tokens(JSON.stringify(body.contents ?? [])), candidatesTokenCount: tokens(text) }),
    modelVersion: model,
  };
}

function candidateBody(model: string, parts: GeminiPart[], finishReason: string, request: GeminiRequestBody): object {
  return {
    candidates: [{ content: { role: 'model', parts }, finishReason, index: 0 }],
    usageMetadata: usage(request, 8),
    modelVersion: model,
  };
}

function promptBlocked(model: string, request: GeminiRequestBody): object {
  return {
    promptFeedback: {
      blockReason: 'SAFETY',
      safetyRatings: [{ category: 'HARM_CATEGORY_DANGEROUS_CONTENT', probability: 'HIGH', blocked: true }],
    },
    usageMetadata: usage(request, 0),
    modelVersion: model,
  };
}

function candidateBlocked(model: string, image: boolean, request: GeminiRequestBody): object {
  return {
    candidates: [
      {
        finishReason: image ? 'IMAGE_SAFETY' : 'SAFETY',
        index: 0,
        safetyRatings: [{ category: 'HARM_CATEGORY_SEXUALLY_EXPLICIT', probability: 'HIGH', blocked: true }],
      },
    ],
    usageMetadata: usage(request, 0),
    modelVersion: model,
  };
}

const HARM_CATEGORIES: HarmCategoryName[] = [
  'HARM_CATEGORY_SEXUALLY_EXPLICIT',
  'HARM_CATEGORY_HATE_SPEECH',
  'HARM_CATEGORY_HARASSMENT',
  'HARM_CATEGORY_DANGEROUS_CONTENT',
];

/** A 200 body with one rating per harm category (NEGLIGIBLE unless given), where Gemini puts them. */
function withRatings(
  body: object,
  given: Partial<Record<HarmCategoryName, HarmProbabilityName>>,
  at: 'prompt' | 'candidate',
): object {
  const safetyRatings = HARM_CATEGORIES.map((category) => ({ category, probability: given[category] ?? 'NEGLIGIBLE' }));
  if (at === 'prompt') return { ...body, promptFeedback: { safetyRatings } };
  const { candidates = [], ...rest } = body as { candidates?: object[] };
  const [first, ...others] = candidates;
  return { ...rest, candidates: [{ ...first, safetyRatings }, ...others] };
}

/** A google.rpc.Status error body, as Google APIs send it. */
export function googleError(code: number, status: string, message: string, details?: unknown[]): object {
  return { error: { code, message, status, ...(details && { details }) } };
}

function isImageRequest(model: string, body: GeminiRequestBody): boolean {
  const modalities = body.generationConfig?.responseModalities;
  return modalities ? modalities.includes('IMAGE') : model.includes('image');
}

function usage(request: GeminiRequestBody, candidatesTokenCount: number) {
  const promptTokenCount = tokens(JSON.stringify(request.contents ?? []));
  return { promptTokenCount, candidatesTokenCount, totalTokenCount: promptTokenCount + candidatesTokenCount };
}

/** Roughly how Gemini counts: four characters a token. */
function tokens(text: string): number {
  return Math.max(1, Math.ceil(text.length / 4));
}

function sendJson(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  res.writeHead(status, { 'content-type': 'application/json; charset=UTF-8', ...headers });
  res.end(JSON.stringify(body));
}

function sendError(res: ServerResponse, status: number, message: string): void {
  sendJson(res, status, googleError(status, ERROR_STATUS[status] ?? 'UNKNOWN', message));
}

function headerValue(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value[0] : value;
}

async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}
