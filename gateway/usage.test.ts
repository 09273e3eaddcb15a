import type { Socket } from 'socket.io-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFakeGemini, type FakeGemini } from '../shared/testing/fakes/gemini-server.js';
import { recordMessageEvents, startTestAtelier, type MessageEvent, type TestAtelier, type TestUser } from './test-harness.js';

/**
 * Usage (docs/usage.md) on the real app: the figures match the messages made in the test, failed
 * and cancelled ones included, however many end at once; an org admin sees each member's.
 * Images come from the fake Gemini, which reports tokens; prompts from the offline engine.
 */

const IMAGE_MODEL = 'gemini-2.5-flash-image';
const PRICE = { per_image: 0.5, per_million_input_tokens: 3, per_million_output_tokens: 2 };

let atelier: TestAtelier;
let gemini: FakeGemini;
let alice: TestUser;
let bob: TestUser;

interface Usage {
  images: number | null;
  input_tokens: number | null;
  output_tokens: number | null;
  model: string;
}
interface Figures {
  made: number;
  failed: number;
  cancelled: number;
  images: number;
  input_tokens: number;
  output_tokens: number;
  cost: number;
}

/** A user's messages, posted and followed to their final status. */
function follow(user: TestUser, socket: Socket) {
  const events = recordMessageEvents(socket);
  const finals: MessageEvent[] = [];
  return {
    finals,
    async session(): Promise<string> {
      const id = (await user.api('POST', '/api/v1/chat/sessions/', {})).body.id as string;
      await socket.emitWithAck('subscribe', { session_id: id });
      return id;
    },
    async post(session: string, content: string): Promise<string> {
      const reply = await user.api('POST', `/api/v1/chat/sessions/${session}/messages/`, { content, options: { width: 64, height: 64 } });
      expect(reply.status).toBe(202);
      return reply.body.id as string;
    },
    async final(id: string): Promise<MessageEvent> {
      const last = (await events.untilFinal(id)).at(-1) as MessageEvent;
      finals.push(last);
      return last;
    },
  };
}

/** What the messages' own records say the usage is, priced like the PRICE_TABLE given. */
function expectedFrom(finals: MessageEvent[]): Figures {
  const calls = finals.flatMap((message) => message.usage as Usage[]);
  const sum = (pick: (call: Usage) => number | null) => calls.reduce((total, call) => total + (pick(call) ?? 0), 0);
  const images = sum((call) => (call.model === IMAGE_MODEL ? call.images : 0));
  const input = sum((call) => (call.model === IMAGE_MODEL ? call.input_tokens : 0));
  const output = sum((call) => (call.model === IMAGE_MODEL ? call.output_tokens : 0));
  return {
    made: finals.filter((message) => message.status === 'DONE' && message.image !== null).length,
    failed: finals.filter((message) => message.status === 'FAILED').length,
    cancelled: finals.filter((message) => message.status === 'CANCELLED').length,
    images: sum((call) => call.images),
    input_tokens: sum((call) => call.input_tokens),
    output_tokens: sum((call) => call.output_tokens),
    cost: images * PRICE.per_image + (input / 1e6) * PRICE.per_million_input_tokens + (output / 1e6) * PRICE.per_million_output_tokens,
  };
}

const aliceFinals: MessageEvent[] = [];
const bobFinals: MessageEvent[] = [];

beforeAll(async () => {
  gemini = await startFakeGemini();
  atelier = await startTestAtelier({
    GEMINI_API_KEY: 'test-key',
    GEMINI_BASE_URL: gemini.url,
    PROMPT_PROVIDER: 'offline',
    IMAGE_PROVIDER: 'gemini',
    PRICE_TABLE: JSON.stringify({ [IMAGE_MODEL]: PRICE }),
  });
  alice = await atelier.signUp('alice');
  bob = await atelier.signUp('bob');
});

afterAll(async () => {
  await atelier?.close();
  await gemini?.close();
});

describe('usage', () => {
  it('counts what a user made, what failed and what was cancelled, with tokens and cost', async () => {
    const her = follow(alice, await alice.connect());
    const drawing = await her.session();
    for (const content of ['a lighthouse at dusk', 'a forest at dawn', 'a red kite over the hills', 'hello there']) await her.final(await her.post(drawing, content));

    // Fails in the image stage (400 is not retried), and an enhance with no image to enhance.
    gemini.script(IMAGE_MODEL, { status: 400 });
    await her.final(await her.post(await her.session(), 'a blue boat'));
    await her.final(await her.post(await her.session(), 'enhance it'));

    // Two cancelled: one held at the image model (or still queued), one queued behind it.
    let release: () => void = () => {};
    gemini.script(IMAGE_MODEL, { hold: new Promise<void>((resolve) => (release = resolve)) });
    const held = await her.session();
    const first = await her.post(held, 'a desert road at noon');
    const second = await her.post(held, 'a snowy mountain');
    for (const id of [second, first]) expect((await alice.api('POST', `/api/v1/chat/sessions/${held}/messages/${id}/cancel/`)).status).toBe(200);
    release();
    for (const id of [first, second]) await her.final(id);
    aliceFinals.push(...her.finals);

    const expected = expectedFrom(her.finals);
    expect(expected).toMatchObject({ made: 3, failed: 2, cancelled: 2 });
    expect(expected.output_tokens).toBeGreaterThan(0);
    const report = await alice.api('GET', '/v1/me/usage/');
    expect(report.status).toBe(200);
    expect(report.body).toMatchObject({ group_by: 'day', currency: 'USD', unpriced_models: [] });
    const { cost, ...counts } = report.body.totals as Figures;
    const { cost: expectedCost, ...expectedCounts } = expected;
    expect(counts).toEqual(expectedCounts);
    expect(cost).toBeCloseTo(expectedCost, 6);
  });

  it('groups by day, intent, provider and model, each adding up to the totals', async () => {
    const gallery = (await alice.api('GET', '/v1/gallery/?limit=100')).body.data as Array<{ provider: string; model: string }>;
    const [{ provider, model }] = gallery as [{ provider: string; model: string }];
    for (const groupBy of ['day', 'intent', 'provider', 'model'] as const) {
      const report = await alice.api('GET', `/v1/me/usage/?group_by=${groupBy}`);
      expect(report.status, groupBy).toBe(200);
      const groups = report.body.groups as Array<Figures & { key: string }>;
      for (const figure of ['made', 'failed', 'cancelled', 'images', 'input_tokens', 'output_tokens'] as const) {
        expect(groups.reduce((total, group) => total + group[figure], 0), `${groupBy} ${figure}`).toBe(report.body.totals[figure]);
      }
      const keyOfMade = { day: /^\d{4}-\d{2}-\d{2}$/, intent: /^generate$/, provider: new RegExp(`^${provider}$`), model: new RegExp(`^${model}$`) }[groupBy];
      expect(groups.filter((group) => group.made > 0).every((group) => keyOfMade.test(group.key)), groupBy).toBe(true);
    }
    const byIntent = (await alice.api('GET', '/v1/me/usage/?group_by=intent')).body.groups as Array<Figures & { key: string }>;
    expect(byIntent.find((group) => group.key === 'generate')?.made).toBe(3);
    expect(byIntent.find((group) => group.key === 'chat')).toMatchObject({ made: 0, failed: 0 });
  });

  it('counts exactly when many messages end at once', async () => {
    const his = follow(bob, await bob.connect());
    const sessions = await Promise.all(Array.from({ length: 12 }, () => his.session()));
    const ids = await Promise.all(sessions.map((session, index) => his.post(session, `a paper boat number ${index}`)));
    await Promise.all(ids.map((id) => his.final(id)));
    bobFinals.push(...his.finals);
    const expected = expectedFrom(his.finals);
    expect(expected.made + expected.failed).toBe(12);
    const { cost, ...counts } = (await bob.api('GET', '/v1/me/usage/')).body.totals as Figures;
    const { cost: expectedCost, ...expectedCounts } = expected;
    expect(counts).toEqual(expectedCounts);
    expect(cost).toBeCloseTo(expectedCost, 6);
    // Alice's figures are hers alone.
    expect((await alice.api('GET', '/v1/me/usage/')).body.totals).toMatchObject({ made: 3, failed: 2, cancelled: 2 });
  });

  it("gives an org admin the organisation's figures and each member's; a member gets 403", async () => {
    const report = await atelier.api('GET', '/v1/org/usage/report/?group_by=model');
    expect(report.status).toBe(200);
    const members = report.body.members as Array<Figures & { user_id: string }>;
    const figuresOf = (id: string) => {
      const { cost, user_id: _user, ...counts } = members.find((member) => member.user_id === id) as Figures & { user_id: string };
      return { ...counts, cost: Math.round(cost * 1e6) };
    };
    const rounded = ({ cost, ...counts }: Figures) => ({ ...counts, cost: Math.round(cost * 1e6) });
    expect(figuresOf(alice.user.id)).toEqual(rounded(expectedFrom(aliceFinals)));
    expect(figuresOf(bob.user.id)).toEqual(rounded(expectedFrom(bobFinals)));
    expect(members.map((member) => member.user_id).sort()).toEqual([alice.user.id, bob.user.id].sort());
    expect(report.body.totals.made).toBe(expectedFrom([...aliceFinals, ...bobFinals]).made);

    const refused = await alice.api('GET', '/v1/org/usage/report/');
    expect(refused.status).toBe(403);
    expect(refused.body.error.code).toBe('forbidden');
  });

  it('refuses bad ranges and groupings with a 400', async () => {
    for (const query of ['from=2025-02-01&to=2025-01-01', 'from=2020-01-01&to=2025-01-01', 'from=yesterday', 'to=2025-13-01', 'group_by=week', 'from=2025-01-01T00:00:00Z']) {
      for (const path of ['/v1/me/usage/', '/v1/org/usage/report/']) {
        const reply = await atelier.api('GET', `${path}?${query}`);
        expect(reply.status, `${path}?${query}`).toBe(400);
        expect(reply.body.error.code).toBe('validation_failed');
      }
    }
    // A full year is fine.
    expect((await alice.api('GET', '/v1/me/usage/?from=2024-01-01&to=2024-12-31')).status).toBe(200);
  });
});
