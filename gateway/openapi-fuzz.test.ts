import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  contractProblems,
  declaredResponse,
  describeRequest,
  operationsOf,
  requestArbitrary,
  resolve,
  type FuzzRequest,
  type OpenApiDocument,
  type OperationRef,
  type ReceivedResponse,
} from '../shared/testing/openapi-fuzz.js';
import { startTestAtelier, withCredential, type TestAtelier, type TestUser } from './test-harness.js';

/**
 * The served `/openapi.json` is the contract, and this holds the whole system to it: for every
 * operation in it, fast-check makes requests (real and made-up ids, good and bad queries,
 * headers and bodies, the wrong content type, the same request twice at once; one operation at
 * a time, then in random order) and every answer must be below 500, have a status, headers and
 * a body shape the document declares for that operation, and, for an error, the error envelope.
 *
 * Bounded and repeatable: a fixed seed (FUZZ_SEED to try another) and FUZZ_RUNS runs per
 * operation. fast-check prints the seed, the counterexample and its shrinking path on failure.
 */

// From the environment, so a failure can be replayed (FUZZ_SEED) and a longer hunt run (FUZZ_RUNS).
const SEED = Number(process.env.FUZZ_SEED ?? 20_250_611);
const RUNS_PER_OPERATION = Number(process.env.FUZZ_RUNS ?? 40);
/** Small, so bodies just past it are cheap to send. */
const BODY_LIMIT_BYTES = 16_384;

let atelier: TestAtelier;
/** Another user of the same system, who pokes at the first one's ids. */
let stranger: TestUser;
let document: OpenApiDocument;
const known = {
  sessions: [] as string[],
  messages: [] as string[],
  /** The drawing session's finished image messages (what a regenerate takes), with that session. */
  imageMessages: { sessions: [] as string[], messages: [] as string[] },
  deadLetters: [] as string[],
  images: [] as string[],
  albums: [] as string[],
  mediaKeys: [] as string[],
  /** The signed media URL's `expires` and `signature`, which only the owner's fuzzing is given. */
  mediaSignature: { expires: [] as string[], signature: [] as string[] },
  users: [] as string[],
  apiKeys: [] as string[],
  templates: [] as string[],
  webhooks: [] as string[],
  /** Share links of the first live image, and their tokens (the public `/s/{token}`). */
  shares: [] as string[],
  shareTokens: [] as string[],
  exports: [] as string[],
};
/** Operations that succeed only with a secret no fuzzer can guess (a password, a live refresh token); gateway/owasp/api2 shows them succeeding. */
const NEEDS_A_SECRET = new Set(['POST /v1/auth/login/', 'POST /v1/auth/refresh/']);
/**
 * Operations that succeed only on a message still queued or running, which setup cannot keep in
 * flight for the fuzzer (offline images take milliseconds); gateway/cancel-retry.test.ts holds an
 * image back and shows them succeeding.
 */
const NEEDS_A_MESSAGE_IN_FLIGHT = new Set(['POST /api/v1/chat/sessions/{id}/messages/{message_id}/cancel/']);
/**
 * Operations that succeed only on an image file Atelier wrote its parameters into, which no
 * fuzzer makes up; gateway/files.test.ts downloads one and shows them succeeding.
 */
const NEEDS_AN_ATELIER_IMAGE = new Set(['POST /v1/gallery/recall/']);
/** A `next_cursor` of each listing, by its documented path. */
const cursors = new Map<string, string[]>();

async function send(request: FuzzRequest): Promise<ReceivedResponse> {
  // Bytes, not a string, so fetch adds no content type of its own when the request has none.
  const bytes = request.body === undefined ? null : new TextEncoder().encode(request.body);
  const response = await fetch(new URL(withoutWaiting(request.target), atelier.url), {
    method: request.method,
    headers: request.headers,
    body: bytes && request.chunked ? chunks(bytes) : bytes,
    duplex: 'half',
    redirect: 'manual',
  });
  // An event stream stays open: its first bytes (sent at once) are what the contract is checked on.
  if ((response.headers.get('content-type') ?? '').startsWith('text/event-stream') && response.body) {
    const reader = response.body.getReader();
    const first = await reader.read();
    await reader.cancel();
    return { status: response.status, headers: response.headers, body: new TextDecoder().decode(first.value ?? new Uint8Array()) };
  }
  return { status: response.status, headers: response.headers, body: await response.text() };
}

/**
 * A long poll's accepted `wait` (0 to 30 s) sent as 0: held answers would only make the run
 * slow (gateway/progress.test.ts proves the long poll). Values it must refuse are sent as made.
 */
function withoutWaiting(target: string): string {
  return target.replace(/([?&]wait=)([^&#]*)/g, (whole, name: string, value: string) => {
    let seconds: number;
    try {
      seconds = Number(decodeURIComponent(value.replace(/\+/g, ' ')));
    } catch {
      return whole;
    }
    return Number.isInteger(seconds) && seconds > 0 && seconds <= 30 ? `${name}0` : whole;
  });
}

/** The body as a stream of a few pieces: fetch sends it chunked, with no Content-Length. */
function chunks(bytes: Uint8Array): ReadableStream<Uint8Array> {
  const size = Math.max(1, Math.ceil(bytes.length / 3));
  let offset = 0;
  return new ReadableStream({
    pull(controller) {
      if (offset >= bytes.length) return controller.close();
      controller.enqueue(bytes.slice(offset, offset + size));
      offset += size;
    },
  });
}

async function call(method: string, target: string, body?: unknown): Promise<ReceivedResponse> {
  return send({
    method,
    target,
    headers: withCredential(atelier.token, body === undefined ? {} : { 'content-type': 'application/json' }),
    body: body === undefined ? undefined : JSON.stringify(body),
    chunked: false,
    copies: 1,
  });
}

function field(response: ReceivedResponse, ...path: string[]): string {
  const value = path.reduce<unknown>((node, key) => (typeof node === 'object' && node !== null ? (node as Record<string, unknown>)[key] : undefined), JSON.parse(response.body));
  if (typeof value !== 'string') throw new Error(`no ${path.join('.')} in ${response.status} ${response.body.slice(0, 200)}`);
  return value;
}

/** The session's message, once its pipeline is done with it (its image is then in the gallery). */
async function finished(sessionId: string, messageId: string): Promise<ReceivedResponse> {
  const deadline = Date.now() + 15_000;
  for (;;) {
    const response = await call('GET', `/api/v1/chat/sessions/${sessionId}/messages/${messageId}/`);
    const status = field(response, 'status');
    if (status === 'DONE' || status === 'FAILED' || Date.now() > deadline) return response;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

beforeAll(async () => {
  // Private webhook addresses allowed, so the fuzzer's made-up URLs can be registered (no DNS asked).
  atelier = await startTestAtelier({ BODY_LIMIT_BYTES: String(BODY_LIMIT_BYTES), WEBHOOK_ALLOW_PRIVATE: 'true' });
  stranger = await atelier.signUp('stranger');
  known.users.push(atelier.user.id, stranger.user.id);
  for (let index = 0; index < 3; index += 1) known.apiKeys.push(field(await call('POST', '/v1/api-keys/', { name: `fuzz ${index}` }), 'id'));
  // Endpoints nothing listens at: their deliveries fail and are logged (a log to page through).
  for (let index = 0; index < 3; index += 1) {
    known.webhooks.push(field(await call('POST', '/v1/webhooks/', { url: `http://127.0.0.1:9/hook-${index}`, events: ['gallery.image.created', 'message.completed'] }), 'id'));
  }
  const served = await call('GET', '/openapi.json');
  expect(served.status).toBe(200);
  document = JSON.parse(served.body) as OpenApiDocument;

  for (let index = 0; index < 4; index += 1) {
    known.sessions.push(field(await call('POST', '/api/v1/chat/sessions/', { title: `fuzz ${index}` }), 'id'));
  }
  const [drawing, lonely] = known.sessions as [string, string];
  const post = async (sessionId: string, content: string) => {
    const id = field(await call('POST', `/api/v1/chat/sessions/${sessionId}/messages/`, { content, options: { width: 64, height: 64 } }), 'id');
    known.messages.push(id);
    return field(await finished(sessionId, id), 'status') === 'FAILED' ? id : undefined;
  };
  await post(drawing, 'a lighthouse at dusk');
  await post(drawing, 'make it black and white');
  known.imageMessages.sessions.push(drawing);
  known.imageMessages.messages.push(...known.messages);
  // An enhance with no earlier image fails for good (no_source_image): dead letters to retry.
  for (const content of ['enhance it', 'enhance it again']) {
    const failed = await post(lonely, content);
    if (failed) known.deadLetters.push(failed);
  }
  const generated = await call('POST', '/v1/image/generate/', { prompt: 'a red kite', width: 64, height: 64, seed: 1 });
  const mediaUrl = new URL(field(generated, 'url'));
  known.mediaKeys.push(mediaUrl.pathname.replace(/^\/media\//, ''));
  known.mediaSignature.expires.push(mediaUrl.searchParams.get('expires') ?? '');
  known.mediaSignature.signature.push(mediaUrl.searchParams.get('signature') ?? '');
  const gallery = JSON.parse((await call('GET', '/v1/gallery/?limit=100')).body) as { data: Array<{ id: string }> };
  known.images.push(...gallery.data.map((image) => image.id));
  for (let index = 0; index < 3; index += 1) {
    const external = { url: `https://images.example/kite-${index}.png`, prompt: 'a kite', width: 64, height: 64, format: 'png' };
    const id = field(await call('POST', '/v1/gallery/', external), 'id');
    known.images.push(id);
    // Two in the trash, so restoring can succeed and the trash has a second page.
    if (index < 2) expect((await call('DELETE', `/v1/gallery/${id}/`)).status).toBe(200);
  }

  // Albums holding images, so listing an album's images has something to page through.
  for (let index = 0; index < 3; index += 1) {
    const album = field(await call('POST', '/v1/gallery/albums/', { name: `fuzz ${index}` }), 'id');
    known.albums.push(album);
    for (const image of known.images) await call('PUT', `/v1/gallery/albums/${album}/images/${image}/`);
  }

  for (let index = 0; index < 3; index += 1) {
    const link = JSON.parse((await call('POST', `/v1/gallery/${known.images[0]}/shares/`, {})).body) as { id: string; token: string };
    known.shares.push(link.id);
    known.shareTokens.push(link.token);
  }
  // An export of the generated image (one with a file of ours), done or on its way.
  known.exports.push(field(await call('POST', '/v1/gallery/exports/', { ids: [known.images[0]], format: 'png' }), 'id'));

  for (let index = 0; index < 3; index += 1) {
    known.templates.push(field(await call('POST', '/v1/templates/', { name: `fuzz ${index}`, text: 'a {subject} at {time}', defaults: { time: 'dusk' } }), 'id'));
  }

  const listings = ['/v1/templates/', '/api/v1/chat/sessions/', `/api/v1/chat/sessions/${drawing}/messages/`, '/internal/v1/dead-letters/', '/v1/gallery/', '/v1/gallery/deleted/', '/v1/gallery/albums/'];
  for (const listing of listings) {
    const page = JSON.parse((await call('GET', `${listing}?limit=1`)).body) as { next_cursor?: unknown };
    if (typeof page.next_cursor === 'string') cursors.set(listing.replace(drawing, '{id}'), [page.next_cursor]);
  }
});

afterAll(async () => {
  await atelier?.close();
});

/** Ids, keys and cursors made in setup, for the parameter they fill. */
function knownValues(path: string, parameter: string): readonly string[] {
  if (parameter === 'cursor') return cursors.get(path) ?? [];
  // Keys that come back, with the same body and with another.
  if (parameter === 'idempotency-key') return ['fuzz-key-1', 'fuzz-key-2'];
  // A regenerate succeeds only on a session's finished image message: given both, together.
  if (path.endsWith('/regenerate/')) return parameter === 'id' ? known.imageMessages.sessions : parameter === 'message_id' ? known.imageMessages.messages : [];
  if (path.startsWith('/api/v1/chat/')) return parameter === 'id' ? known.sessions : parameter === 'message_id' ? known.messages : [];
  if (path.startsWith('/internal/') && parameter === 'message_id') return known.deadLetters;
  if (path.startsWith('/v1/gallery/albums/') && parameter === 'album_id') return known.albums;
  if (path.startsWith('/v1/gallery/exports/') && parameter === 'id') return known.exports;
  if (path.startsWith('/v1/gallery/') && parameter === 'id') return known.images;
  if (path.startsWith('/v1/gallery/') && parameter === 'share_id') return known.shares;
  if (path.startsWith('/s/') && parameter === 'token') return known.shareTokens;
  // The by-message route, and the list's `message_id` filter.
  if (path.startsWith('/v1/gallery/') && parameter === 'message_id') return known.messages;
  if (path.startsWith('/v1/gallery/') && parameter === 'session_id') return known.sessions;
  if (path.startsWith('/media/') && parameter === 'key') return known.mediaKeys;
  if (parameter === 'user_id') return known.users;
  if (path.includes('/api-keys/') && parameter === 'id') return known.apiKeys;
  if (path.startsWith('/v1/templates/') && parameter === 'id') return known.templates;
  if (path.startsWith('/v1/webhooks/') && parameter === 'id') return known.webhooks;
  if (path.startsWith('/media/') && (parameter === 'expires' || parameter === 'signature')) return known.mediaSignature[parameter];
  return [];
}

/**
 * What a stranger knows: the owner's ids and keys, not the signatures of the owner's media URLs.
 * A signed URL is the credential to its one file: whoever holds it gets the file by design (a
 * shared link; gateway/private-media.test.ts).
 */
function strangersKnownValues(path: string, parameter: string): readonly string[] {
  return path.startsWith('/media/') && (parameter === 'expires' || parameter === 'signature') ? [] : knownValues(path, parameter);
}

/** Deletes last, so the ids they remove serve the other operations first. */
function inFuzzOrder(operations: OperationRef[]): OperationRef[] {
  return [...operations].sort((a, b) => Number(a.method === 'delete') - Number(b.method === 'delete'));
}

/** Statuses each operation answered, so a fuzzer that only ever sends garbage is caught too. */
const answered = new Map<string, Set<number>>();

/** Sends the request (all its copies at once) and throws what the answers break of the contract. */
async function keepsContract(operation: OperationRef, request: FuzzRequest): Promise<ReceivedResponse[]> {
  const responses = await Promise.all(Array.from({ length: request.copies }, () => send(request)));
  for (const response of responses) {
    const name = `${operation.method.toUpperCase()} ${operation.path}`;
    answered.set(name, (answered.get(name) ?? new Set()).add(response.status));
    const problems = contractProblems(document, operation, response);
    if (problems.length > 0) throw new Error(`${request.method} ${request.target.slice(0, 200)} → ${response.status}\n  ${problems.join('\n  ')}`);
  }
  return responses;
}

/** A token with no signature (`alg: none`) claiming to be the owner: must be refused like any forgery. */
function unsignedToken(): string {
  const part = (value: object) => Buffer.from(JSON.stringify(value)).toString('base64url');
  return `${part({ alg: 'none', typ: 'JWT' })}.${part({ iss: 'atelier', aud: 'atelier-api', sub: atelier.user.id, org: atelier.user.org_id, role: 'admin', lane: 'high', exp: 4_102_444_800 })}.`;
}

/** Mostly the owner's own token; now and then none, or one that must be refused. */
function ownerCredential(): fc.Arbitrary<string | undefined> {
  return fc.oneof(
    { weight: 8, arbitrary: fc.constant(`Bearer ${atelier.token}`) },
    {
      weight: 1,
      arbitrary: fc.constantFrom(undefined, 'Bearer', 'Basic dXNlcjpwYXNz', `Bearer atl_${'x'.repeat(43)}`, `Bearer ${unsignedToken()}`, 'Bearer not.a.jwt'),
    },
  );
}

function failureReport<Values>(title: string, result: fc.RunDetails<Values>, shown: string): string {
  const failure = result.errorInstance instanceof Error ? result.errorInstance.message : String(result.errorInstance);
  return `${title} (seed ${result.seed}, path "${result.counterexamplePath}"):\n  ${failure}\n  sent: ${shown}`;
}

describe('the served OpenAPI document', () => {
  it('is OpenAPI 3.1 and declares what the gateway adds to every operation', () => {
    expect(document.openapi).toBe('3.1.0');
    const operations = operationsOf(document);
    expect(operations.length).toBeGreaterThan(20);
    for (const { method, path, operation, parameters } of operations) {
      const name = `${method.toUpperCase()} ${path}`;
      for (const placeholder of path.match(/\{[^}]+\}/g) ?? []) {
        expect(parameters.some((parameter) => parameter.in === 'path' && `{${parameter.name}}` === placeholder), `${name} ${placeholder}`).toBe(true);
      }
      const statuses = Object.keys(operation.responses);
      if (path !== '/health') expect(statuses, name).toContain('503');
      if (method === 'post') expect(statuses, name).toEqual(expect.arrayContaining(['400', '413', '415']));
      for (const status of statuses) {
        const headers = Object.keys(declaredResponse(document, operation, Number(status))?.headers ?? {});
        expect(headers, `${name} ${status}`).toContain('X-Request-Id');
        if (status === '429' || status === '503') expect(headers, `${name} ${status}`).toContain('Retry-After');
      }
    }
    for (const header of ['X-Request-Id', 'Retry-After']) expect(() => resolve(document, { $ref: `#/components/headers/${header}` })).not.toThrow();
  });

  it('is kept by every operation, whatever it is sent', async () => {
    const failures: string[] = [];
    for (const operation of inFuzzOrder(operationsOf(document))) {
      const requests = requestArbitrary(document, operation, { knownValues, bodyLimitBytes: BODY_LIMIT_BYTES, credential: ownerCredential() });
      const result = await fc.check(fc.asyncProperty(requests, async (request) => void (await keepsContract(operation, request))), { seed: SEED, numRuns: RUNS_PER_OPERATION });
      const example = result.counterexample?.[0];
      if (result.failed) failures.push(failureReport(`${operation.method.toUpperCase()} ${operation.path}`, result, example ? describeRequest(example) : '?'));
    }
    if (failures.length > 0) expect.fail(`FUZZ_SEED=${SEED}\n\n${failures.join('\n\n')}`);
    // Every operation was reached with a request it took, not only with ones it refused.
    const neverSucceeded = [...answered]
      .filter(
        ([name, statuses]) =>
          !NEEDS_A_SECRET.has(name) && !NEEDS_A_MESSAGE_IN_FLIGHT.has(name) && !NEEDS_AN_ATELIER_IMAGE.has(name) && ![...statuses].some((status) => status < 300),
      )
      .map(([name]) => name);
    expect(neverSucceeded).toEqual([]);
  }, 120_000);

  it('is kept whatever the order of the operations', async () => {
    const operations = operationsOf(document);
    const options = { knownValues, bodyLimitBytes: BODY_LIMIT_BYTES, credential: ownerCredential() };
    const step = fc.oneof(...operations.map((operation) => requestArbitrary(document, operation, options).map((request) => ({ operation, request }))));
    const sequences = fc.array(step, { minLength: 2, maxLength: 12 });
    const result = await fc.check(
      fc.asyncProperty(sequences, async (steps) => {
        for (const { operation, request } of steps) await keepsContract(operation, request);
      }),
      { seed: SEED, numRuns: Math.ceil(RUNS_PER_OPERATION / 2) },
    );
    const example = result.counterexample?.[0] ?? [];
    if (result.failed) expect.fail(`FUZZ_SEED=${SEED}\n\n${failureReport('a sequence', result, example.map(({ request }) => `\n    ${describeRequest(request)}`).join(''))}`);
  }, 120_000);
});

describe('another user', () => {
  it('is answered within the contract on every operation naming the first user\'s ids, and never with a 2xx', async () => {
    const theirs = [...known.sessions, ...known.messages, ...known.deadLetters, ...known.images, ...known.albums, ...known.exports, ...known.mediaKeys];
    const credential = fc.constant(`Bearer ${stranger.token}`);
    const failures: string[] = [];
    for (const operation of operationsOf(document).filter(({ parameters }) => parameters.some((parameter) => parameter.in === 'path'))) {
      const requests = requestArbitrary(document, operation, { knownValues: strangersKnownValues, bodyLimitBytes: BODY_LIMIT_BYTES, credential });
      const result = await fc.check(
        fc.asyncProperty(requests, async (request) => {
          const path = request.target.split('?')[0] ?? '';
          const named = theirs.some((id) => path.includes(id));
          for (const response of await keepsContract(operation, request)) {
            if (named && response.status < 300) throw new Error(`${request.method} ${path} answered ${response.status} to another user`);
          }
        }),
        { seed: SEED, numRuns: Math.ceil(RUNS_PER_OPERATION / 2) },
      );
      const example = result.counterexample?.[0];
      if (result.failed) failures.push(failureReport(`${operation.method.toUpperCase()} ${operation.path}`, result, example ? describeRequest(example) : '?'));
    }
    if (failures.length > 0) expect.fail(`FUZZ_SEED=${SEED}\n\n${failures.join('\n\n')}`);
  }, 120_000);
});

describe('the contract check', () => {
  const response = (status: number, headers: Record<string, string>, body: unknown): ReceivedResponse => ({
    status,
    headers: new Headers({ 'content-type': 'application/json', ...headers }),
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
  const envelope = { error: { code: 'not_found', message: 'no', request_id: 'r1', details: [] } };

  it('passes a declared answer and fails every breach it is there to find', () => {
    const operation = operationsOf(document).find(({ method, path }) => method === 'get' && path === '/api/v1/chat/sessions/{id}/');
    if (!operation) throw new Error('GET /api/v1/chat/sessions/{id}/ is not in the document');

    expect(contractProblems(document, operation, response(404, { 'x-request-id': 'r1', 'x-frame-options': 'SAMEORIGIN' }, envelope))).toEqual([]);
    const breaches: Array<[string, ReceivedResponse, RegExp]> = [
      ['a 500', response(500, { 'x-request-id': 'r1' }, { error: { ...envelope.error, code: 'internal' } }), /server error 500/],
      ['an undeclared status', response(418, { 'x-request-id': 'r1' }, envelope), /status 418 is not declared/],
      ['an error outside the envelope', response(404, { 'x-request-id': 'r1' }, { message: 'not found' }), /not in the envelope/],
      ['a request id that is not the header', response(404, { 'x-request-id': 'r2' }, envelope), /request_id/],
      ['an undeclared header', response(404, { 'x-request-id': 'r1', 'x-debug': '1' }, envelope), /header x-debug is not declared/],
      ['a missing required header', response(404, {}, envelope), /required header x-request-id is missing/],
      ['an undeclared body type', response(404, { 'x-request-id': 'r1', 'content-type': 'text/html' }, envelope), /type "text\/html" is not declared/],
      ['a body of another shape', response(200, { 'x-request-id': 'r1' }, { id: 7, title: null }), /body\.created_at: is missing[\s\S]*body\.id: is integer, not string/],
    ];
    for (const [name, received, problem] of breaches) {
      expect(contractProblems(document, operation, received).join('\n'), name).toMatch(problem);
    }
  });
});
