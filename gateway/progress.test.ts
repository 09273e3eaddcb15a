import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { recordMessageEvents, startTestAtelier, withCredential, type MessageEvent, type TestAtelier, type TestUser } from './test-harness.js';

/**
 * Progress that is never lost: every change of a message is kept in its session's event log, so
 * a client that reconnects (Socket.IO `subscribe` with `after_sequence`, SSE with
 * `Last-Event-ID`) gets exactly what it missed, and a poll can wait for the next change.
 */

interface StreamEvent {
  id: string | undefined;
  event: string | undefined;
  message: MessageEvent;
}

/** Opens an SSE stream: resolves once the answer's headers are in (the server follows the session by then). */
async function openStream(url: string, headers: Record<string, string>) {
  const controller = new AbortController();
  const response = await fetch(url, { headers, signal: controller.signal });
  const events: StreamEvent[] = [];
  const reader = response.status === 200 && response.body ? response.body.pipeThrough(new TextDecoderStream()).getReader() : undefined;
  let buffer = '';
  /** Reads until `enough` says so, or the stream ends. */
  const read = async (enough: (events: StreamEvent[]) => boolean = () => false) => {
    let ended = reader === undefined;
    while (reader && !enough(events)) {
      const { value, done } = await reader.read();
      if (done) {
        ended = true;
        break;
      }
      buffer += value;
      let end: number;
      while ((end = buffer.indexOf('\n\n')) >= 0) {
        const block = buffer.slice(0, end);
        buffer = buffer.slice(end + 2);
        const fields = new Map<string, string>();
        for (const line of block.split('\n')) {
          if (line.startsWith(':') || !line.includes(':')) continue;
          const colon = line.indexOf(':');
          fields.set(line.slice(0, colon), line.slice(colon + 1).trimStart());
        }
        const data = fields.get('data');
        if (data !== undefined) events.push({ id: fields.get('id'), event: fields.get('event'), message: JSON.parse(data) as MessageEvent });
      }
    }
    controller.abort();
    return { events, ended };
  };
  return { status: response.status, contentType: response.headers.get('content-type'), read };
}

/** Reads a whole SSE stream (or until `enough`). */
async function readStream(url: string, headers: Record<string, string>, enough?: (events: StreamEvent[]) => boolean) {
  const stream = await openStream(url, headers);
  return { status: stream.status, ...(await stream.read(enough)) };
}

const isFinal = (event: { status: string }) => event.status === 'DONE' || event.status === 'FAILED';
const sequences = (events: Array<{ sequence: number }>) => events.map((event) => event.sequence);
/** 1, 2, … n: every change of a message, each once. */
const allUpTo = (n: number) => Array.from({ length: n }, (_unused, index) => index + 1);

let atelier: TestAtelier;
let bob: TestUser;

beforeAll(async () => {
  atelier = await startTestAtelier();
  bob = await atelier.signUp('bob');
});
afterAll(async () => {
  await atelier?.close();
});

async function newSession(): Promise<string> {
  return (await atelier.api('POST', '/api/v1/chat/sessions/', {})).body.id as string;
}
async function post(session: string, content: string): Promise<{ id: string; sequence: number }> {
  const reply = await atelier.api('POST', `/api/v1/chat/sessions/${session}/messages/`, { content });
  expect(reply.status).toBe(202);
  return reply.body as { id: string; sequence: number };
}

describe('Socket.IO subscribe with after_sequence', () => {
  it('a client that disconnects mid-message and resubscribes gets exactly the events it missed', async () => {
    const session = await newSession();
    // A witness that stays connected: every change of the message, as it happened.
    const witness = await atelier.connect();
    const seen = recordMessageEvents(witness);
    expect(await witness.emitWithAck('subscribe', { session_id: session })).toMatchObject({ ok: true });

    const first = await atelier.connect();
    const before = recordMessageEvents(first);
    expect(await first.emitWithAck('subscribe', { session_id: session })).toMatchObject({ ok: true });
    const message = await post(session, 'a lighthouse on a cliff at dusk');
    // Gone as soon as it holds the first change after the posting.
    await new Promise<void>((resolve) => {
      const check = () => before.all.some((event) => event.id === message.id && event.sequence >= 2) && resolve();
      first.on('message.updated', check);
      check();
    });
    first.disconnect();
    const held = Math.max(...sequences(before.all.filter((event) => event.id === message.id)));

    const again = await atelier.connect();
    const after = recordMessageEvents(again);
    expect(await again.emitWithAck('subscribe', { session_id: session, after_sequence: held })).toMatchObject({ ok: true });
    const missed = await after.untilFinal(message.id);
    const everything = await seen.untilFinal(message.id);

    const final = everything.at(-1) as MessageEvent;
    expect(final.status).toBe('DONE');
    expect(sequences(everything)).toEqual(allUpTo(final.sequence));
    // Nothing before what it held, nothing twice, nothing left out.
    expect(sequences(missed)).toEqual(allUpTo(final.sequence).filter((sequence) => sequence > held));
    expect(missed.at(-1)).toMatchObject({ id: message.id, status: 'DONE', sequence: final.sequence });
  });

  it('names messages in `after`, and replays a finished message in full to a client that never saw it', async () => {
    const session = await newSession();
    const watcher = await atelier.connect();
    const seen = recordMessageEvents(watcher);
    expect(await watcher.emitWithAck('subscribe', { session_id: session })).toMatchObject({ ok: true });
    const one = await post(session, 'a red bicycle');
    const two = await post(session, 'hello!');
    const oneEvents = await seen.untilFinal(one.id);
    const twoEvents = await seen.untilFinal(two.id);

    const late = await atelier.connect();
    const replayed = recordMessageEvents(late);
    expect(await late.emitWithAck('subscribe', { session_id: session, after: { [one.id]: 2 } })).toMatchObject({ ok: true });
    // The replay is sent before the acknowledgement.
    expect(sequences(replayed.all.filter((event) => event.id === one.id))).toEqual(sequences(oneEvents).filter((sequence) => sequence > 2));
    expect(sequences(replayed.all.filter((event) => event.id === two.id))).toEqual(sequences(twoEvents));
  });

  it('refuses another user\'s session, and a bad request, in the acknowledgement', async () => {
    const session = await newSession();
    const socket = await bob.connect();
    expect(await socket.emitWithAck('subscribe', { session_id: session, after_sequence: 0 })).toMatchObject({ ok: false, error: { code: 'not_found' } });
    expect(await socket.emitWithAck('subscribe', { session_id: session, after_sequence: -1 })).toMatchObject({ ok: false, error: { code: 'validation_failed' } });
  });
});

describe('Server-Sent Events', () => {
  it('a session stream resumes after Last-Event-ID with no gap and no duplicate', async () => {
    const session = await newSession();
    const url = `${atelier.url}/api/v1/chat/sessions/${session}/events`;
    const headers = withCredential(atelier.token, {});
    const opened = await openStream(url, headers);
    expect(opened.status).toBe(200);
    expect(opened.contentType).toMatch(/^text\/event-stream/);
    const message = await post(session, 'a forest in the morning fog');
    const whole = await opened.read((events) => events.some((event) => isFinal(event.message)));
    expect(whole.events.every((event) => event.event === 'message.updated' && event.id !== undefined)).toBe(true);
    const mine = whole.events.filter((event) => event.message.id === message.id);
    const final = mine.at(-1) as StreamEvent;
    expect(final.message.status).toBe('DONE');
    expect(sequences(mine.map((event) => event.message))).toEqual(allUpTo(final.message.sequence));

    // Reconnecting after the second event, as an EventSource does.
    const resumed = await readStream(url, { ...headers, 'last-event-id': mine[1]?.id as string }, (events) => events.some((event) => isFinal(event.message)));
    expect(resumed.events.map((event) => event.id)).toEqual(mine.slice(2).map((event) => event.id));
    expect(sequences(resumed.events.map((event) => event.message))).toEqual(allUpTo(final.message.sequence).slice(2));
  });

  it('a message stream replays, goes live and ends at the final state; with its last id it answers 204', async () => {
    const session = await newSession();
    const message = await post(session, 'a sailing boat on a calm sea');
    const url = `${atelier.url}/api/v1/chat/sessions/${session}/messages/${message.id}/events`;
    const headers = withCredential(atelier.token, {});
    const stream = await readStream(url, headers);
    expect(stream.ended).toBe(true);
    const final = stream.events.at(-1) as StreamEvent;
    expect(final.message).toMatchObject({ id: message.id, status: 'DONE' });
    expect(stream.events.map((event) => Number(event.id))).toEqual(allUpTo(final.message.sequence));

    const resumed = await readStream(url, { ...headers, 'last-event-id': String(final.message.sequence - 1) });
    expect(resumed.events.map((event) => event.message.sequence)).toEqual([final.message.sequence]);
    expect((await readStream(url, { ...headers, 'last-event-id': String(final.message.sequence) })).status).toBe(204);
  });

  it('another user\'s session or message is 404, before any stream starts', async () => {
    const session = await newSession();
    const message = await post(session, 'hello!');
    for (const path of [`/api/v1/chat/sessions/${session}/events`, `/api/v1/chat/sessions/${session}/messages/${message.id}/events`]) {
      const reply = await bob.api('GET', path);
      expect(reply.status, path).toBe(404);
      expect(reply.body.error.code).toBe('not_found');
    }
  });
});

describe('the poll: ETag, 304 and long poll', () => {
  it('answers 304 to an unchanged ETag, and a long poll returns on the change', async () => {
    const session = await newSession();
    // The first message holds the second in line (PENDING, sequence 1) until it is done.
    const ahead = await post(session, 'a snowy mountain village');
    const waiting = await post(session, 'make it black and white');
    const path = `/api/v1/chat/sessions/${session}/messages/${waiting.id}/`;

    const held = await atelier.api('GET', `${path}?wait=30`, undefined, { 'if-none-match': 'W/"1"' });
    expect(held.status).toBe(200);
    expect(held.body.sequence).toBeGreaterThan(1);
    expect(held.headers.get('etag')).toBe(`W/"${held.body.sequence as number}"`);

    // Long polls, one after another, see every state up to the final one.
    let etag = held.headers.get('etag') as string;
    let body = held.body as MessageEvent;
    while (!isFinal(body)) {
      const next = await atelier.api('GET', `${path}?wait=30`, undefined, { 'if-none-match': etag });
      expect(next.status).toBe(200);
      expect((next.body as MessageEvent).sequence).toBeGreaterThan(body.sequence);
      body = next.body as MessageEvent;
      etag = next.headers.get('etag') as string;
    }
    expect(body.status).toBe('DONE');

    const unchanged = await atelier.api('GET', path, undefined, { 'if-none-match': etag });
    expect(unchanged.status).toBe(304);
    expect(unchanged.headers.get('etag')).toBe(etag);
    // A short long poll on a message that does not change ends with 304 too.
    expect((await atelier.api('GET', `${path}?wait=1`, undefined, { 'if-none-match': etag })).status).toBe(304);
    expect((await atelier.api('GET', path, undefined, { 'if-none-match': 'W/"1"' })).status).toBe(200);
    expect((await atelier.api('GET', `/api/v1/chat/sessions/${session}/messages/${ahead.id}/`)).status).toBe(200);
    expect((await atelier.api('GET', `${path}?wait=31`)).status).toBe(400);
  });
});

describe('queue_position and eta_ms', () => {
  let fresh: TestAtelier;
  beforeAll(async () => {
    // Its own instance: the stage durations it keeps are those of this workload alone.
    fresh = await startTestAtelier();
  });
  afterAll(async () => {
    await fresh?.close();
  });

  it('estimates the wait from the measured stage durations of a known workload', async () => {
    const socket = await fresh.connect();
    const events = recordMessageEvents(socket);
    const session = (await fresh.api('POST', '/api/v1/chat/sessions/', {})).body.id as string;
    expect(await socket.emitWithAck('subscribe', { session_id: session })).toMatchObject({ ok: true });
    // The known workload: five images, one after another; each final event says what each stage took.
    const measured: Array<Record<string, number>> = [];
    for (const subject of ['a red kite', 'a blue boat', 'a green hill', 'a yellow house', 'a grey castle']) {
      const posted = await fresh.api('POST', `/api/v1/chat/sessions/${session}/messages/`, { content: subject, options: { width: 64, height: 64 } });
      const final = (await events.untilFinal(posted.body.id as string)).at(-1) as MessageEvent;
      expect(final.status).toBe('DONE');
      measured.push(final.timings_ms as Record<string, number>);
    }
    const median = (values: number[]) => {
      const sorted = [...values].sort((a, b) => a - b);
      const middle = Math.floor(sorted.length / 2);
      return sorted.length % 2 ? (sorted[middle] as number) : ((sorted[middle - 1] as number) + (sorted[middle] as number)) / 2;
    };
    const stages = ['refining', 'generating', 'uploading', 'saving'];
    const medians = Object.fromEntries(stages.map((stage) => [stage, median(measured.map((timings) => timings[stage] as number))]));
    const whole = stages.reduce((sum, stage) => sum + (medians[stage] as number), 0);

    // Nothing is taken from the prompt queue now: what is posted waits, where the test put it.
    await fresh.ctx.queues.prompt.pause();
    const other = (await fresh.api('POST', '/api/v1/chat/sessions/', {})).body.id as string;
    const line = (await fresh.api('POST', '/api/v1/chat/sessions/', {})).body.id as string;
    const post = async (sessionId: string, content: string) =>
      (await fresh.api('POST', `/api/v1/chat/sessions/${sessionId}/messages/`, { content, options: { width: 64, height: 64 } })).body.id as string;
    await post(other, 'a purple flower');
    const second = await post(line, 'a silver train');
    const third = await post(line, 'a golden bridge');
    const poll = async (id: string) => (await fresh.api('GET', `/api/v1/chat/sessions/${line}/messages/${id}/`)).body as MessageEvent;

    // Behind one job in the prompt queue: that job's refining, then a whole run of its own.
    const waiting = await poll(second);
    expect(waiting).toMatchObject({ status: 'PENDING', queue_position: 1 });
    const withinFactor = (eta: unknown, expected: number) => {
      expect(eta).toEqual(expect.any(Number));
      expect(eta as number).toBeGreaterThanOrEqual(expected / 1.5);
      expect(eta as number).toBeLessThanOrEqual(expected * 1.5);
    };
    withinFactor(waiting.eta_ms, (medians.refining as number) + whole);
    // Behind a message of its own session: that message's whole run, then its own.
    const behind = await poll(third);
    expect(behind).toMatchObject({ status: 'PENDING', queue_position: 1 });
    withinFactor(behind.eta_ms, 2 * whole);

    await fresh.ctx.queues.prompt.resume();
    const done = await fresh.api('GET', `/api/v1/chat/sessions/${line}/messages/${third}/?wait=30`, undefined, { 'if-none-match': 'W/"1"' });
    expect(done.status).toBe(200);
    let last = done.body as MessageEvent;
    while (last.status !== 'DONE') {
      const next = await fresh.api('GET', `/api/v1/chat/sessions/${line}/messages/${third}/?wait=30`, undefined, { 'if-none-match': `W/"${last.sequence}"` });
      last = next.body as MessageEvent;
    }
    // Once final, the poll is exactly the last event: no estimate.
    expect(last).not.toHaveProperty('queue_position');
    expect(last).not.toHaveProperty('eta_ms');
  });

  it('a stopping gateway ends its open event streams, so the stop is not held up', async () => {
    const session = (await fresh.api('POST', '/api/v1/chat/sessions/', {})).body.id as string;
    const stream = await openStream(`${fresh.url}/api/v1/chat/sessions/${session}/events`, withCredential(fresh.token, {}));
    expect(stream.status).toBe(200);
    const ended = stream.read().then(
      (read) => read.ended,
      () => true, // the connection closed under the reader: ended too
    );
    await fresh.close();
    fresh = undefined as unknown as TestAtelier; // closed: afterAll has nothing left to do
    expect(await ended).toBe(true);
  });
});
