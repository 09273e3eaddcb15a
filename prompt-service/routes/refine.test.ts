import { describe, expect, it } from 'vitest';
import { createApp } from '../../gateway/app.js';
import { createLogger } from '../../shared/logger.js';
import { testCredential } from '../../shared/testing/principal.js';
import { createOfflinePromptEngine } from '../offline/engine.js';
import { registerRefinePrompt } from './refine.js';

const credential = testCredential('local');
const app = createApp({
  logger: createLogger({ level: 'silent' }),
  authenticate: credential.authenticate,
  corsOrigins: '*',
  bodyLimitBytes: 256 * 1024,
  register: (app) => registerRefinePrompt(app, { promptEngine: createOfflinePromptEngine() }),
});

function post(body: unknown, path = '/v1/prompt/refine') {
  return app.request(path, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...credential.headers },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
}

interface ErrorEnvelope {
  error: { code: string; message: string; request_id: string; details: { path?: string; message: string }[] };
}

describe('POST /v1/prompt/refine', () => {
  it('answers with the refinement in snake_case', async () => {
    const response = await post({ prompt: 'Please create a sunset landscape' });

    expect(response.status).toBe(200);
    const body = (await response.json()) as Record<string, unknown>;
    expect(Object.keys(body).sort()).toEqual(
      ['confidence', 'intent', 'model', 'negative_prompt', 'original_prompt', 'provider', 'refined_prompt', 'reply'].sort(),
    );
    expect(body).toMatchObject({
      original_prompt: 'Please create a sunset landscape',
      intent: 'generate',
      provider: 'offline',
      model: 'atelier-offline-1',
      reply: 'Creating a sunset landscape.',
    });
    expect(body.refined_prompt).toMatch(/^a sunset landscape, .*golden-hour light/);
    expect(body.negative_prompt).toContain('watermark');
    expect(body.confidence).toBeGreaterThan(0.5);
  });

  it('answers on the trailing-slash path too', async () => {
    const response = await post({ prompt: 'hello' }, '/v1/prompt/refine/');
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ intent: 'chat', refined_prompt: '', negative_prompt: '' });
  });

  it('uses the context: the previous image and the history', async () => {
    const edit = await post({ prompt: 'add a castle to a mountain landscape', context: { has_previous_image: true } });
    expect(await edit.json()).toMatchObject({ intent: 'edit', refined_prompt: 'add a castle to a mountain landscape' });

    const history = [
      { content: 'a red fox', intent: 'generate', refined_prompt: 'a red fox, wildlife photography', has_image: true },
      { content: 'thanks' },
    ];
    const again = await post({ prompt: 'another one', context: { history } });
    expect(again.status).toBe(200);
    expect(await again.json()).toMatchObject({ intent: 'generate', refined_prompt: 'a red fox, wildlife photography' });
  });

  it.each([
    ['an empty prompt', { prompt: '' }, 'body.prompt'],
    ['a whitespace prompt', { prompt: '  \n\t ' }, 'body.prompt'],
    ['no prompt', {}, 'body.prompt'],
    ['a prompt over 4000 characters', { prompt: 'a'.repeat(4001) }, 'body.prompt'],
    ['a number for the prompt', { prompt: 42 }, 'body.prompt'],
    ['a string for has_previous_image', { prompt: 'a cat', context: { has_previous_image: 'yes' } }, 'body.context.has_previous_image'],
    ['an unknown intent in the history', { prompt: 'a cat', context: { history: [{ content: 'x', intent: 'draw' }] } }, 'body.context.history.0.intent'],
    ['a history turn without content', { prompt: 'a cat', context: { history: [{ has_image: true }] } }, 'body.context.history.0.content'],
    ['more than 20 history turns', { prompt: 'a cat', context: { history: Array(21).fill({ content: 'x' }) } }, 'body.context.history'],
    ['a list for the context', { prompt: 'a cat', context: [] }, 'body.context'],
  ])('rejects %s with validation_failed at %s', async (_name, body, path) => {
    const response = await post(body);

    expect(response.status).toBe(400);
    const { error } = (await response.json()) as ErrorEnvelope;
    expect(error.code).toBe('validation_failed');
    expect(error.request_id).toBe(response.headers.get('x-request-id'));
    expect(error.details.map((detail) => detail.path)).toContain(path);
  });

  it('rejects malformed JSON with invalid_json', async () => {
    const response = await post('{"prompt": "a cat",');

    expect(response.status).toBe(400);
    const { error } = (await response.json()) as ErrorEnvelope;
    expect(error.code).toBe('invalid_json');
  });

  it('rejects a body that is not JSON', async () => {
    const response = await app.request('/v1/prompt/refine', {
      method: 'POST',
      headers: { 'content-type': 'text/plain', ...credential.headers },
      body: 'a cat',
    });
    expect(response.status).toBe(415);
    expect(((await response.json()) as ErrorEnvelope).error.code).toBe('unsupported_media_type');
  });

  it('is in the OpenAPI document with its named schemas', () => {
    const document = app.getOpenAPIDocument({ openapi: '3.0.0', info: { title: 'Atelier', version: 'test' } });
    const operation = document.paths?.['/v1/prompt/refine']?.post;

    expect(operation?.responses).toHaveProperty('200');
    expect(operation?.responses).toHaveProperty('400');
    expect(Object.keys(document.components?.schemas ?? {})).toEqual(
      expect.arrayContaining(['RefineRequest', 'RefineResponse', 'PromptHistoryTurn']),
    );
  });
});
