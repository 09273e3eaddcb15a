import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ValidationFailed, type ProviderFailureKind } from '../../shared/errors.js';
import { googleError, startFakeGemini, textResponse, type FakeGemini } from '../../shared/testing/fakes/gemini-server.js';
import type { HistoryTurn, PromptEngine } from '../engine.js';
import { createGeminiPromptEngine } from './engine.js';
import { GEMINI_REPLY_JSON_SCHEMA } from './reply.js';
import { expectProviderFailure } from '../../shared/testing/provider-errors.js';

const MODEL = 'gemini-2.5-flash';

let fake: FakeGemini;
let engine: PromptEngine;

beforeEach(async () => {
  fake = await startFakeGemini();
  engine = createGeminiPromptEngine({ apiKey: 'test-key', baseUrl: fake.url, model: MODEL, timeoutMs: 5000 });
});

afterEach(async () => {
  await fake.close();
});

const failure = (promise: Promise<unknown>, kind: ProviderFailureKind) => expectProviderFailure(promise, 'gemini', kind);

const reply = (fields: Record<string, unknown>) =>
  textResponse(
    JSON.stringify({ intent: 'generate', confidence: 0.8, refined_prompt: 'a fox', negative_prompt: '', reply: 'ok', ...fields }),
  );

const history: HistoryTurn[] = [
  { content: 'a red fox in the snow', intent: 'generate', refinedPrompt: 'a red fox in fresh snow, golden hour', hasImage: true },
  { content: 'thanks!', intent: 'chat', refinedPrompt: null, hasImage: false },
];

describe('the request', () => {
  it('names the model, asks for JSON against the reply schema, instructs, and sends the history and prompt', async () => {
    await engine.refine({ prompt: 'make it bluer', context: { history, hasPreviousImage: true } });

    expect(fake.requests).toHaveLength(1);
    const request = fake.requests[0]!;
    expect(request.path).toBe(`/v1beta/models/${MODEL}:generateContent`);
    expect(request.model).toBe(MODEL);
    expect(request.apiKey).toBe('test-key');

    const config = request.body.generationConfig;
    expect(config?.responseMimeType).toBe('application/json');
    expect(config?.responseJsonSchema).toEqual(GEMINI_REPLY_JSON_SCHEMA);
    expect(GEMINI_REPLY_JSON_SCHEMA).toMatchObject({
      properties: { intent: { enum: ['generate', 'edit', 'enhance', 'chat'] }, confidence: { minimum: 0, maximum: 1 } },
      required: ['intent', 'confidence', 'refined_prompt', 'negative_prompt', 'reply'],
    });

    const instruction = request.body.systemInstruction?.parts?.map((part) => part.text).join('') ?? '';
    for (const intent of ['"generate"', '"edit"', '"enhance"', '"chat"']) expect(instruction).toContain(intent);
    expect(instruction).toMatch(/previous image/);
    expect(instruction).toMatch(/language the user wrote in/);

    const parts = request.body.contents?.at(-1)?.parts ?? [];
    expect(parts.at(-1)?.text).toBe('make it bluer');
    const context = parts[0]?.text ?? '';
    expect(context).toContain('"a red fox in the snow"');
    expect(context).toContain('intent generate');
    expect(context).toContain('"a red fox in fresh snow, golden hour"');
    expect(context).toContain('an image was made');
    expect(context).toContain('"thanks!"');
    expect(context).toContain('A previous image exists');
    expect(JSON.stringify(request.body)).not.toContain('httpOptions');
  });

  it('says so when there is no previous image to edit', async () => {
    await engine.refine({ prompt: 'a castle', context: { history: [], hasPreviousImage: false } });
    expect(fake.requests[0]?.body.contents?.[0]?.parts?.[0]?.text).toContain('There is no previous image');
  });

  it('refuses an empty prompt without calling Gemini', async () => {
    await expect(engine.refine({ prompt: '  \n ' })).rejects.toBeInstanceOf(ValidationFailed);
    expect(fake.requests).toHaveLength(0);
  });
});

describe('a valid reply', () => {
  it('is mapped to the refinement, with the token usage', async () => {
    fake.script(MODEL, {
      ok: textResponse(
        JSON.stringify({
          intent: 'generate',
          confidence: 0.92,
          refined_prompt: ' a lighthouse on a cliff at dusk, oil painting, warm light ',
          negative_prompt: 'blurry, watermark',
          reply: 'Painting your lighthouse.',
        }),
        { promptTokenCount: 321, candidatesTokenCount: 54 },
      ),
    });

    expect(await engine.refine({ prompt: 'a lighthouse' })).toEqual({
      originalPrompt: 'a lighthouse',
      refinedPrompt: 'a lighthouse on a cliff at dusk, oil painting, warm light',
      intent: 'generate',
      confidence: 0.92,
      negativePrompt: 'blurry, watermark',
      reply: 'Painting your lighthouse.',
      provider: 'gemini',
      model: MODEL,
      usage: { inputTokens: 321, outputTokens: 54 },
    });
  });

  it('comes through as an edit after an image ("make it bluer")', async () => {
    const refinement = await engine.refine({ prompt: 'make it bluer', context: { history } });
    expect(refinement).toMatchObject({ intent: 'edit', refinedPrompt: 'make it bluer', provider: 'gemini' });
    expect(refinement.usage?.inputTokens).toBeGreaterThan(0);
  });

  it('a chat answer has no prompt, whatever the model put there, and keeps its reply', async () => {
    fake.script(MODEL, { ok: reply({ intent: 'chat', refined_prompt: 'hello there', negative_prompt: 'x', reply: '¡Hola! ¿Qué dibujo?' }) });
    expect(await engine.refine({ prompt: 'hola' })).toMatchObject({
      intent: 'chat',
      refinedPrompt: '',
      negativePrompt: '',
      reply: '¡Hola! ¿Qué dibujo?',
    });
  });
});

describe('an unusable reply is invalid_response', () => {
  it.each([
    ['a body that is not JSON', { malformed: true } as const],
    ['text that is not JSON', { ok: textResponse('Sure! Here is your prompt: a fox') }],
    ['an intent outside the four', { ok: reply({ intent: 'dance' }) }],
    ['a confidence above 1', { ok: reply({ confidence: 1.5 }) }],
    ['a missing field', { ok: textResponse(JSON.stringify({ intent: 'generate', confidence: 0.5 })) }],
    ['a generate without a prompt', { ok: reply({ refined_prompt: '  ' }) }],
    ['a chat without a reply', { ok: reply({ intent: 'chat', reply: '' }) }],
    ['an empty candidate', { ok: { candidates: [{ content: { role: 'model', parts: [] }, finishReason: 'MAX_TOKENS' }] } }],
    ['no candidate at all', { ok: { candidates: [] } }],
  ])('%s', async (_name, step) => {
    fake.script(MODEL, step);
    await failure(engine.refine({ prompt: 'a fox' }), 'invalid_response');
  });

  it('names what was wrong', async () => {
    fake.script(MODEL, { ok: reply({ intent: 'dance' }) });
    const error = await failure(engine.refine({ prompt: 'a fox' }), 'invalid_response');
    expect(error.message).toMatch(/intent/);
    expect(error.retryable).toBe(false);
  });
});

describe('a refusal is safety_blocked', () => {
  it.each(['prompt', 'candidate'] as const)('blocked at the %s', async (where) => {
    fake.script(MODEL, { safety: where });
    const error = await failure(engine.refine({ prompt: 'something dangerous' }), 'safety_blocked');
    expect(error.code).toBe('safety_blocked');
    expect(error.message).toMatch(/SAFETY/);
  });
});

describe('HTTP and network failures', () => {
  it.each([
    [500, 'temporary'],
    [503, 'temporary'],
    [401, 'auth'],
    [403, 'auth'],
    [400, 'invalid_request'],
  ] as const)('%i is %s', async (status, kind) => {
    fake.script(MODEL, { status });
    const error = await failure(engine.refine({ prompt: 'a fox' }), kind);
    expect(error.retryable).toBe(kind === 'temporary');
    expect(error.message).toContain(`HTTP ${status}`);
    expect(fake.requests).toHaveLength(1); // no retries inside the SDK: the pipeline decides
  });

  it('429 is rate_limited with the wait from Retry-After', async () => {
    fake.script(MODEL, { status: 429, headers: { 'Retry-After': '2' } });
    const error = await failure(engine.refine({ prompt: 'a fox' }), 'rate_limited');
    expect(error.retryAfterMs).toBe(2000);
    expect(error.retryable).toBe(true);
  });

  it('429 without Retry-After takes the wait from the body\'s RetryInfo', async () => {
    const body = googleError(429, 'RESOURCE_EXHAUSTED', 'You exceeded your current quota', [
      { '@type': 'type.googleapis.com/google.rpc.QuotaFailure', violations: [] },
      { '@type': 'type.googleapis.com/google.rpc.RetryInfo', retryDelay: '17s' },
    ]);
    fake.script(MODEL, { status: 429, body });
    const error = await failure(engine.refine({ prompt: 'a fox' }), 'rate_limited');
    expect(error.retryAfterMs).toBe(17_000);
    expect(error.message).toContain('You exceeded your current quota');
  });

  it('429 that says nothing about waiting leaves retryAfterMs undefined', async () => {
    fake.script(MODEL, { status: 429 });
    expect((await failure(engine.refine({ prompt: 'a fox' }), 'rate_limited')).retryAfterMs).toBeUndefined();
  });

  it('no answer within the timeout is temporary, and fails fast', async () => {
    const quick = createGeminiPromptEngine({ apiKey: 'k', baseUrl: fake.url, model: MODEL, timeoutMs: 300 });
    fake.script(MODEL, { hang: true });
    const started = Date.now();
    const error = await failure(quick.refine({ prompt: 'a fox' }), 'temporary');
    expect(Date.now() - started).toBeLessThan(3000);
    expect(error.message).toContain('300 ms');
  });

  it('a refused connection is temporary', async () => {
    const gone = await startFakeGemini();
    await gone.close();
    const offline = createGeminiPromptEngine({ apiKey: 'k', baseUrl: gone.url, model: MODEL, timeoutMs: 5000 });
    await failure(offline.refine({ prompt: 'a fox' }), 'temporary');
  });
});
