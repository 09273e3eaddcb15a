import { z } from 'zod';
import { idSchema } from '../shared/http.js';

/**
 * What a Socket.IO client sends and is acknowledged with (gateway/realtime.ts), typed once here:
 * the handler parses with these and the AsyncAPI document (/asyncapi.json) describes them.
 */

const Sequence = z.number().int().min(0);

/** `unsubscribe`, and the core of `subscribe`. Ids in either case, kept in lowercase, as the event log keys them. */
export const SubscribeRequest = z.object({ session_id: idSchema('a session') });

/** `subscribe`: a session, and what the client already holds (replayed from after it). */
export const ReplayRequest = SubscribeRequest.extend({
  after_sequence: Sequence.optional().describe("Replay each message's changes above this sequence"),
  after: z.record(idSchema('a message'), Sequence).optional().describe('Per message id, the sequence held: replayed from after it (messages not named: whole)'),
});

/** What a `subscribe` / `unsubscribe` is acknowledged with. */
export const Ack = z.union([
  z.object({ ok: z.literal(true), session_id: z.string() }),
  z.object({ ok: z.literal(false), error: z.object({ code: z.string(), message: z.string() }) }),
]);
export type Ack = z.infer<typeof Ack>;
