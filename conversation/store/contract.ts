import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Conflict, NotFound } from '../../shared/errors.js';
import { newId } from '../../shared/ids.js';
import type { MessageRecord, SessionRecord } from '../message.js';
import { finishedRecord, imageRecord, messageRecord, newOrg, newUser, progressed, sessionRecord } from './fixtures.js';
import type { ConversationStore } from './port.js';

/**
 * The behaviour every {@link ConversationStore} adapter must show, run by each adapter's test file
 * against a real database. `open` gives a store on an empty database; the suite migrates it and
 * calls `close` at the end. Tests isolate themselves with fresh user ids, so they share one
 * database.
 */
export function storeContract(
  name: string,
  open: () => Promise<{ store: ConversationStore; close(): Promise<void> }>,
): void {
  describe(`${name} conversation store contract`, () => {
    let store: ConversationStore;
    let close: (() => Promise<void>) | undefined;

    beforeAll(async () => {
      ({ store, close } = await open());
      await store.migrate();
    });
    afterAll(async () => {
      await close?.();
    });

    async function seedSession(userId = newUser(), overrides: Partial<SessionRecord> = {}): Promise<SessionRecord> {
      const record = sessionRecord(userId, overrides);
      await store.insertSession(record);
      return record;
    }

    async function seedMessages(
      session: SessionRecord,
      count: number,
      overrides: (index: number) => Partial<MessageRecord> = () => ({}),
    ): Promise<MessageRecord[]> {
      const records: MessageRecord[] = [];
      for (let index = 0; index < count; index += 1) {
        const record = messageRecord(session, overrides(index));
        await store.insertMessage(record);
        records.push(record);
      }
      return records;
    }

    it('migrates again without losing data', async () => {
      const session = await seedSession();
      await store.migrate();
      expect(await store.getSession(session.userId, session.id)).toStrictEqual(session);
      await expect(store.ping()).resolves.toBeUndefined();
    });

    describe('sessions', () => {
      it('returns an inserted session to its owner, with or without a title', async () => {
        const titled = await seedSession();
        const untitled = await seedSession(titled.userId, { title: null });
        expect(await store.getSession(titled.userId, titled.id)).toStrictEqual(titled);
        expect(await store.getSession(untitled.userId, untitled.id)).toStrictEqual(untitled);
      });

      it('finds nothing for another user, an unknown id or a malformed id', async () => {
        const session = await seedSession();
        expect(await store.getSession(newUser(), session.id)).toBeNull();
        expect(await store.getSession(session.userId, newId())).toBeNull();
        expect(await store.getSession(session.userId, 'not-a-uuid')).toBeNull();
      });

      it('finds a session by its id in upper case too', async () => {
        const session = await seedSession();
        expect(await store.getSession(session.userId, session.id.toUpperCase())).toStrictEqual(session);
      });

      it('refuses a second session with a taken id and keeps the first', async () => {
        const session = await seedSession();
        await expect(store.insertSession({ ...session, title: 'impostor' })).rejects.toBeInstanceOf(Conflict);
        expect(await store.getSession(session.userId, session.id)).toStrictEqual(session);
      });

      it("lists a user's sessions newest first, without other users' sessions", async () => {
        const userId = newUser();
        const first = await seedSession(userId);
        await seedSession(newUser());
        const second = await seedSession(userId);
        const third = await seedSession(userId);
        const listed = await store.listSessions({ userId, limit: 10 });
        expect(listed).toStrictEqual([third, second, first]);
      });

      it('pages with beforeId without duplicates or gaps', async () => {
        const userId = newUser();
        const sessions: SessionRecord[] = [];
        for (let index = 0; index < 7; index += 1) sessions.push(await seedSession(userId));

        const pages: SessionRecord[][] = [];
        let beforeId: string | undefined;
        for (;;) {
          const page = await store.listSessions({ userId, limit: 3, beforeId });
          if (page.length === 0) break;
          pages.push(page);
          beforeId = page.at(-1)?.id;
        }
        expect(pages.map((page) => page.length)).toEqual([3, 3, 1]);
        expect(pages.flat()).toStrictEqual([...sessions].reverse());
      });

      it('lists nothing for a limit of 0', async () => {
        const session = await seedSession();
        expect(await store.listSessions({ userId: session.userId, limit: 0 })).toEqual([]);
      });

      it('touches updatedAt forward only', async () => {
        const session = await seedSession(newUser(), { updatedAt: new Date('2030-01-01T00:00:00.000Z') });
        const later = new Date('2030-01-02T03:04:05.678Z');
        expect(await store.touchSession(session.userId, session.id, later)).toBe(true);
        expect((await store.getSession(session.userId, session.id))?.updatedAt).toEqual(later);

        expect(await store.touchSession(session.userId, session.id, new Date('2030-01-01T12:00:00.000Z'))).toBe(true);
        const touched = await store.getSession(session.userId, session.id);
        expect(touched).toStrictEqual({ ...session, updatedAt: later });
      });

      it("touches only the user's own session, and says whether there was one", async () => {
        const session = await seedSession(newUser(), { updatedAt: new Date('2030-01-01T00:00:00.000Z') });
        const later = new Date('2030-01-02T00:00:00.000Z');
        expect(await store.touchSession(newUser(), session.id, later)).toBe(false);
        expect(await store.touchSession(session.userId, newId(), later)).toBe(false);
        expect(await store.touchSession(session.userId, 'not-a-uuid', later)).toBe(false);
        expect(await store.getSession(session.userId, session.id)).toStrictEqual(session);
      });

      it('deletes a session with its messages and leaves the other sessions alone', async () => {
        const doomed = await seedSession();
        const kept = await seedSession(doomed.userId);
        const [doomedMessage] = await seedMessages(doomed, 2);
        const keptMessages = await seedMessages(kept, 1);

        expect(await store.deleteSession(doomed.userId, doomed.id)).toBe(true);
        expect(await store.getSession(doomed.userId, doomed.id)).toBeNull();
        expect(await store.findMessage(doomedMessage!.id)).toBeNull();
        expect(await store.listMessages({ userId: doomed.userId, sessionId: doomed.id, limit: 10 })).toEqual([]);
        expect(await store.deleteSession(doomed.userId, doomed.id)).toBe(false);

        expect(await store.getSession(kept.userId, kept.id)).toStrictEqual(kept);
        expect(await store.listMessages({ userId: kept.userId, sessionId: kept.id, limit: 10 })).toStrictEqual(keptMessages);
      });

      it("keeps another user's session and messages invisible and untouchable", async () => {
        const session = await seedSession();
        const [message] = await seedMessages(session, 1);
        const stranger = newUser();

        expect(await store.getSession(stranger, session.id)).toBeNull();
        expect(await store.getMessage(stranger, session.id, message!.id)).toBeNull();
        expect(await store.listMessages({ userId: stranger, sessionId: session.id, limit: 10 })).toEqual([]);
        expect(await store.listSessions({ userId: stranger, limit: 10 })).toEqual([]);
        expect(await store.deleteSession(stranger, session.id)).toBe(false);

        expect(await store.getSession(session.userId, session.id)).toStrictEqual(session);
        expect(await store.getMessage(session.userId, session.id, message!.id)).toStrictEqual(message);
      });

      it("renames the user's session, moving updatedAt forward only, and not another user's", async () => {
        const session = await seedSession();
        const later = new Date(session.updatedAt.getTime() + 60_000);
        const renamed = await store.renameSession({ userId: session.userId, sessionId: session.id.toUpperCase(), title: 'Dusk', at: later });
        expect(renamed).toStrictEqual({ ...session, title: 'Dusk', updatedAt: later });
        const earlier = new Date(session.updatedAt.getTime() - 60_000);
        expect(await store.renameSession({ userId: session.userId, sessionId: session.id, title: 'Dawn', at: earlier })).toStrictEqual({
          ...session,
          title: 'Dawn',
          updatedAt: later,
        });
        expect(await store.renameSession({ userId: newUser(), sessionId: session.id, title: 'Mine', at: later })).toBeNull();
        expect(await store.renameSession({ userId: session.userId, sessionId: newId(), title: 'None', at: later })).toBeNull();
        expect(await store.renameSession({ userId: session.userId, sessionId: 'not-an-id', title: 'None', at: later })).toBeNull();
        expect((await store.getSession(session.userId, session.id))?.title).toBe('Dawn');
      });

      it('titles an untitled session once, never over a title, and only for its user', async () => {
        const untitled = await seedSession(newUser(), { title: null });
        expect(await store.titleUntitledSession({ userId: newUser(), sessionId: untitled.id, title: 'Theirs' })).toBe(false);
        expect(await store.titleUntitledSession({ userId: untitled.userId, sessionId: untitled.id, title: 'First' })).toBe(true);
        expect(await store.titleUntitledSession({ userId: untitled.userId, sessionId: untitled.id, title: 'Second' })).toBe(false);
        expect(await store.getSession(untitled.userId, untitled.id)).toStrictEqual({ ...untitled, title: 'First' });

        const titled = await seedSession();
        expect(await store.titleUntitledSession({ userId: titled.userId, sessionId: titled.id, title: 'Other' })).toBe(false);
        expect(await store.getSession(titled.userId, titled.id)).toStrictEqual(titled);
        expect(await store.titleUntitledSession({ userId: titled.userId, sessionId: newId(), title: 'None' })).toBe(false);
      });
    });

    describe('messages', () => {
      it('returns an inserted message in its session only', async () => {
        const session = await seedSession();
        const other = await seedSession(session.userId);
        const [message] = await seedMessages(session, 1);
        expect(await store.getMessage(session.userId, session.id, message!.id)).toStrictEqual(message);
        expect(await store.getMessage(session.userId, other.id, message!.id)).toBeNull();
        expect(await store.getMessage(session.userId, session.id, newId())).toBeNull();
        expect(await store.getMessage(session.userId, session.id, 'not-a-uuid')).toBeNull();
      });

      it('refuses a second message with a taken id and keeps the first', async () => {
        const session = await seedSession();
        const [message] = await seedMessages(session, 1);
        await expect(store.insertMessage({ ...message!, content: 'impostor' })).rejects.toBeInstanceOf(Conflict);
        expect(await store.findMessage(message!.id)).toStrictEqual(message);
      });

      it("lists a session's messages oldest first, without other sessions' messages", async () => {
        const session = await seedSession();
        const other = await seedSession(session.userId);
        const first = await seedMessages(session, 2);
        await seedMessages(other, 1);
        const last = await seedMessages(session, 1);
        const listed = await store.listMessages({ userId: session.userId, sessionId: session.id, limit: 10 });
        expect(listed).toStrictEqual([...first, ...last]);
      });

      it('pages with afterId without duplicates or gaps', async () => {
        const session = await seedSession();
        const messages = await seedMessages(session, 5);

        const pages: MessageRecord[][] = [];
        let afterId: string | undefined;
        for (;;) {
          const page = await store.listMessages({ userId: session.userId, sessionId: session.id, limit: 2, afterId });
          if (page.length === 0) break;
          pages.push(page);
          afterId = page.at(-1)?.id;
        }
        expect(pages.map((page) => page.length)).toEqual([2, 2, 1]);
        expect(pages.flat()).toStrictEqual(messages);
      });

      it('lists newest first on request, paging back to the oldest without duplicates or gaps', async () => {
        const session = await seedSession();
        const messages = await seedMessages(session, 5);
        await seedMessages(await seedSession(session.userId), 2);

        const pages: MessageRecord[][] = [];
        let afterId: string | undefined;
        for (;;) {
          const page = await store.listMessages({ userId: session.userId, sessionId: session.id, limit: 2, afterId, newestFirst: true });
          if (page.length === 0) break;
          pages.push(page);
          afterId = page.at(-1)?.id;
        }
        expect(pages.map((page) => page.length)).toEqual([2, 2, 1]);
        expect(pages.flat()).toStrictEqual([...messages].reverse());
        expect(await store.listMessages({ userId: newId(), sessionId: session.id, limit: 10, newestFirst: true })).toEqual([]);
      });

      it('finds a message by id alone, and nothing for an unknown id', async () => {
        const session = await seedSession();
        const [message] = await seedMessages(session, 1);
        expect(await store.findMessage(message!.id)).toStrictEqual(message);
        expect(await store.findMessage(newId())).toBeNull();
        expect(await store.findMessage('not-a-uuid')).toBeNull();
      });
    });

    describe('replaceMessage', () => {
      it('replaces a message whose sequence is the expected one', async () => {
        const session = await seedSession();
        const [message] = await seedMessages(session, 1);
        const next = progressed(message!, { status: 'PROCESSING', stage: 'refining', progress: 10 });
        expect(await store.replaceMessage(next, message!.sequence)).toBe(true);
        expect(await store.findMessage(message!.id)).toStrictEqual(next);
      });

      it('refuses a stale expected sequence and changes nothing', async () => {
        const session = await seedSession();
        const [message] = await seedMessages(session, 1);
        const current = progressed(message!, { status: 'PROCESSING', stage: 'refining' });
        await store.replaceMessage(current, message!.sequence);

        const stale = progressed(message!, { status: 'FAILED', stage: 'failed' });
        expect(await store.replaceMessage(stale, message!.sequence)).toBe(false);
        expect(await store.findMessage(message!.id)).toStrictEqual(current);
      });

      it('refuses a message that is gone', async () => {
        const session = await seedSession();
        const message = messageRecord(session);
        expect(await store.replaceMessage(progressed(message, {}), message.sequence)).toBe(false);
        expect(await store.findMessage(message.id)).toBeNull();
      });

      it('lets exactly one of two concurrent replaces win', async () => {
        const session = await seedSession();
        const [message] = await seedMessages(session, 1);
        const left = progressed(message!, { status: 'PROCESSING', stage: 'refining', progress: 10 });
        const right = progressed(message!, { status: 'FAILED', stage: 'failed', progress: 100 });

        const results = await Promise.all([
          store.replaceMessage(left, message!.sequence),
          store.replaceMessage(right, message!.sequence),
        ]);
        expect(results.filter(Boolean)).toHaveLength(1);
        expect(await store.findMessage(message!.id)).toStrictEqual(results[0] ? left : right);
      });

      it('keeps the id, session, user, organisation and creation time of the message', async () => {
        const session = await seedSession();
        const [message] = await seedMessages(session, 1);
        const moved = { ...progressed(message!, {}), sessionId: newId(), userId: newUser(), orgId: newOrg(), createdAt: new Date(0) };
        expect(await store.replaceMessage(moved, message!.sequence)).toBe(true);
        const stored = await store.findMessage(message!.id);
        expect(stored).toStrictEqual({
          ...moved,
          sessionId: session.id,
          userId: session.userId,
          orgId: session.orgId,
          createdAt: message!.createdAt,
        });
      });
    });

    describe('pipeline reads', () => {
      it('gives the last messages before one, oldest first, from that session only', async () => {
        const session = await seedSession();
        const other = await seedSession(session.userId);
        const messages = await seedMessages(session, 3);
        await seedMessages(other, 1);
        const current = (await seedMessages(session, 1))[0]!;
        const [m0, m1, m2] = messages;

        expect(await store.recentMessages({ sessionId: session.id, beforeId: current.id, limit: 2 })).toStrictEqual([m1, m2]);
        expect(await store.recentMessages({ sessionId: session.id, beforeId: current.id, limit: 10 })).toStrictEqual(messages);
        expect(await store.recentMessages({ sessionId: session.id, beforeId: m1!.id, limit: 10 })).toStrictEqual([m0]);
        expect(await store.recentMessages({ sessionId: session.id, beforeId: m0!.id, limit: 10 })).toEqual([]);
        expect(await store.recentMessages({ sessionId: session.id, beforeId: current.id, limit: 0 })).toEqual([]);
      });

      it('gives the images of the latest earlier messages that have one, newest first', async () => {
        const session = await seedSession();
        const other = await seedSession(session.userId);
        const [first, second] = await seedMessages(session, 2, (index) => ({ image: imageRecord(`session-${index}`) }));
        // Newer than this session's images, so only the session filter keeps it out.
        await seedMessages(other, 1, () => ({ image: imageRecord('other-session') }));
        const [plain, current] = await seedMessages(session, 2);

        const recent = (beforeId: string, limit = 10) => store.recentImages({ sessionId: session.id, beforeId, limit });
        expect(await recent(current!.id)).toStrictEqual([second!.image, first!.image]);
        expect(await recent(current!.id, 1)).toStrictEqual([second!.image]);
        expect(await recent(plain!.id)).toStrictEqual([second!.image, first!.image]);
        expect(await recent(second!.id)).toStrictEqual([first!.image]);
        expect(await recent(first!.id)).toEqual([]);
        expect(await recent(current!.id, 0)).toEqual([]);
      });

      it('gives no image for a session without any, even when another session has one', async () => {
        const session = await seedSession();
        const other = await seedSession(session.userId);
        await seedMessages(other, 1, () => ({ image: imageRecord('elsewhere') }));
        const [, current] = await seedMessages(session, 2);
        expect(await store.recentImages({ sessionId: session.id, beforeId: current!.id, limit: 5 })).toEqual([]);
      });

      it("lists an organisation's FAILED messages, every member's, newest first, a page at a time (dead letters)", async () => {
        const failed: Partial<MessageRecord> = { status: 'FAILED', stage: 'failed', completedAt: new Date() };
        const orgId = newOrg();
        const session = await seedSession(newUser(), { orgId });
        const [a, , c] = await seedMessages(session, 3, (index) => (index === 1 ? {} : failed));
        const colleague = await seedSession(newUser(), { orgId });
        const [d] = await seedMessages(colleague, 1, () => failed);
        // Newer than the organisation's, so only the organisation filter keeps them out.
        const [otherOrgs] = await seedMessages(await seedSession(), 1, () => failed);
        await seedMessages(await seedSession(newUser(), { orgId: null }), 1, () => failed);

        const newest = await store.listFailed({ orgId, limit: 3 });
        expect(newest.map((message) => message.id)).toEqual([d!.id, c!.id, a!.id]);
        expect(await store.listFailed({ orgId, limit: 10, beforeId: c!.id })).toStrictEqual([a]);
        expect(await store.listFailed({ orgId, limit: 0 })).toEqual([]);
        expect(await store.listFailed({ orgId, limit: 10, beforeId: 'not-a-uuid' })).toEqual([]);
        expect((await store.listFailed({ orgId: otherOrgs!.orgId!, limit: 10 })).map((message) => message.id)).toEqual([otherOrgs!.id]);
      });

      it("lists an organisation's unfinished messages, every member's, oldest first, a page at a time (its queue)", async () => {
        const orgId = newOrg();
        const session = await seedSession(newUser(), { orgId });
        const [pending, running] = await seedMessages(session, 4, (index) =>
          [
            {},
            { status: 'PROCESSING', stage: 'generating', lane: 'high' },
            { status: 'DONE', stage: 'done', completedAt: new Date() },
            { status: 'FAILED', stage: 'failed', completedAt: new Date() },
          ][index] as Partial<MessageRecord>,
        );
        const [colleagues] = await seedMessages(await seedSession(newUser(), { orgId }), 1);
        await seedMessages(await seedSession(), 1);
        await seedMessages(await seedSession(newUser(), { orgId: null }), 1);

        const queue = await store.listOrgUnfinished({ orgId, limit: 10 });
        expect(queue).toStrictEqual([pending, running, colleagues]);
        expect(queue.map((message) => message.lane)).toEqual(['normal', 'high', 'normal']);
        expect(await store.listOrgUnfinished({ orgId, limit: 2 })).toStrictEqual([pending, running]);
        expect(await store.listOrgUnfinished({ orgId, limit: 10, afterId: running!.id })).toStrictEqual([colleagues]);
        expect(await store.listOrgUnfinished({ orgId, limit: 0 })).toEqual([]);
        expect(await store.listOrgUnfinished({ orgId, limit: 10, afterId: 'not-a-uuid' })).toEqual([]);
        expect(await store.listOrgUnfinished({ orgId: newOrg(), limit: 10 })).toEqual([]);
      });

      it('lists unfinished messages last changed before the cutoff, stillest first', async () => {
        // Dates before 2000 are used by this test alone, so other tests' messages stay out.
        const at = (minute: number) => new Date(Date.UTC(1999, 0, 1, 0, minute));
        const session = await seedSession();
        const cutoff = at(30);
        const [processing, pending] = await seedMessages(session, 6, (index) =>
          [
            { status: 'PROCESSING', stage: 'generating', updatedAt: at(20) },
            { status: 'PENDING', stage: 'queued', updatedAt: at(10) },
            { status: 'DONE', stage: 'done', updatedAt: at(5), completedAt: at(5) },
            { status: 'FAILED', stage: 'failed', updatedAt: at(5), completedAt: at(5) },
            { status: 'PENDING', stage: 'queued', updatedAt: cutoff },
            { status: 'PROCESSING', stage: 'refining', updatedAt: at(40) },
          ][index] as Partial<MessageRecord>,
        );

        expect(await store.listUnfinished({ updatedBefore: cutoff, limit: 10 })).toStrictEqual([pending, processing]);
        expect(await store.listUnfinished({ updatedBefore: cutoff, limit: 1 })).toStrictEqual([pending]);
        expect(await store.listUnfinished({ updatedBefore: cutoff, limit: 0 })).toEqual([]);

        const finished = progressed(pending!, { status: 'DONE', stage: 'done', updatedAt: at(15), completedAt: at(15) });
        await store.replaceMessage(finished, pending!.sequence);
        expect(await store.listUnfinished({ updatedBefore: cutoff, limit: 10 })).toStrictEqual([processing]);
      });
    });

    describe('one id, whatever its case', () => {
      it('stores ids written in upper case in lower case, so every lookup and list finds them', async () => {
        const userId = newUser();
        const session = sessionRecord(userId, { id: newId().toUpperCase() });
        await store.insertSession(session);
        const lower = session.id.toLowerCase();
        expect(await store.getSession(userId, lower)).toStrictEqual({ ...session, id: lower });
        expect((await store.listSessions({ userId, limit: 5 })).map((found) => found.id)).toEqual([lower]);

        const message = messageRecord(session, { id: newId().toUpperCase() });
        await store.insertMessage(message);
        const stored = { ...message, id: message.id.toLowerCase(), sessionId: lower };
        expect(await store.getMessage(userId, lower, message.id.toLowerCase())).toStrictEqual(stored);
        expect(await store.findMessage(message.id)).toStrictEqual(stored);
        expect(await store.listMessages({ userId, sessionId: lower, limit: 5 })).toStrictEqual([stored]);
        expect(await store.nextInLine(session.id)).toStrictEqual(stored);

        expect(await store.deleteSession(userId, lower)).toBe(true);
        expect(await store.findMessage(message.id)).toBeNull();
      });
    });

    describe('messages go into their user\'s own session', () => {
      it('refuses a message for an unknown session or another user\'s, storing nothing', async () => {
        const session = await seedSession();
        const strangers = messageRecord({ ...session, userId: newUser() });
        await expect(store.insertMessage(strangers)).rejects.toBeInstanceOf(NotFound);
        const nowhere = messageRecord({ ...session, id: newId() });
        await expect(store.insertMessage(nowhere)).rejects.toBeInstanceOf(NotFound);
        expect(await store.findMessage(strangers.id)).toBeNull();
        expect(await store.findMessage(nowhere.id)).toBeNull();
      });
    });

    describe('idempotency keys', () => {
      it('finds a message by its key, for its user only, and refuses a second message with the same key', async () => {
        const session = await seedSession();
        const [message] = await seedMessages(session, 1, () => ({ idempotencyKey: 'key-1', requestHash: 'h1' }));
        expect(await store.findByIdempotencyKey(session.userId, 'key-1')).toStrictEqual(message);
        expect(await store.findByIdempotencyKey(newUser(), 'key-1')).toBeNull();
        expect(await store.findByIdempotencyKey(session.userId, 'key-2')).toBeNull();

        const again = messageRecord(session, { idempotencyKey: 'key-1', requestHash: 'h2' });
        await expect(store.insertMessage(again)).rejects.toBeInstanceOf(Conflict);
        expect(await store.findMessage(again.id)).toBeNull();

        // Another user may use the same key; and a released key can be used again.
        const other = await seedSession();
        await seedMessages(other, 1, () => ({ idempotencyKey: 'key-1', requestHash: 'h3' }));
        await store.replaceMessage(progressed(message!, { idempotencyKey: null, requestHash: null }), message!.sequence);
        expect(await store.findByIdempotencyKey(session.userId, 'key-1')).toBeNull();
        await store.insertMessage(again);
        expect(await store.findByIdempotencyKey(session.userId, 'key-1')).toStrictEqual(again);
      });
    });

    describe('the next message in line', () => {
      it("is the session's oldest unfinished message, from that session only", async () => {
        const session = await seedSession();
        const other = await seedSession(session.userId);
        const [first, second] = await seedMessages(session, 2);
        await seedMessages(other, 1);
        expect(await store.nextInLine(session.id)).toStrictEqual(first);
        const done = progressed(first!, { status: 'DONE', stage: 'done', completedAt: new Date() });
        expect(await store.replaceMessage(done, first!.sequence)).toBe(true);
        expect(await store.nextInLine(session.id)).toStrictEqual(second);
        const failed = progressed(second!, { status: 'FAILED', stage: 'failed', completedAt: new Date() });
        expect(await store.replaceMessage(failed, second!.sequence)).toBe(true);
        expect(await store.nextInLine(session.id)).toBeNull();
        expect(await store.nextInLine('nope')).toBeNull();
        expect(await store.nextInLine(newId())).toBeNull();
      });

      it('counts a running message as unfinished: it stays first in line', async () => {
        const session = await seedSession();
        const [running] = await seedMessages(session, 2, (index) => (index === 0 ? { status: 'PROCESSING', stage: 'generating' } : {}));
        expect((await store.nextInLine(session.id))?.id).toBe(running!.id);
      });
    });

    describe('organisations and lanes', () => {
      it("keeps a session's and a message's organisation and lane as written", async () => {
        const orgId = newOrg();
        const session = await seedSession(newUser(), { orgId });
        const [normal, high] = await seedMessages(session, 2, (index) => ({ lane: index === 0 ? 'normal' : 'high' }));
        expect(await store.getSession(session.userId, session.id)).toStrictEqual(session);
        expect(await store.findMessage(normal!.id)).toMatchObject({ orgId, lane: 'normal' });
        expect(await store.findMessage(high!.id)).toMatchObject({ orgId, lane: 'high' });
        expect(await store.nextInLine(session.id)).toStrictEqual(normal);
      });

      it('keeps rows without an organisation (written before organisations) readable by their user', async () => {
        const session = await seedSession(newUser(), { orgId: null });
        const [message] = await seedMessages(session, 1);
        expect(await store.getSession(session.userId, session.id)).toStrictEqual(session);
        expect(await store.getMessage(session.userId, session.id, message!.id)).toStrictEqual(message);
        expect(message!.orgId).toBeNull();
      });
    });

    describe('round trip', () => {
      it('keeps every field of a finished message, nested values included', async () => {
        const session = await seedSession();
        const message = finishedRecord(session);
        await store.insertMessage(message);

        expect(await store.findMessage(message.id)).toStrictEqual(message);
        expect(await store.getMessage(session.userId, session.id, message.id)).toStrictEqual(message);
        expect(await store.listMessages({ userId: session.userId, sessionId: session.id, limit: 1 })).toStrictEqual([message]);
        const stored = await store.findMessage(message.id);
        expect(stored?.createdAt).toBeInstanceOf(Date);
        expect(stored?.completedAt).toBeInstanceOf(Date);
      });

      it("keeps a message's named source image and its image's parent (lineage), and a cancelled message", async () => {
        const session = await seedSession();
        const sourceImageId = newId();
        const message = progressed(finishedRecord(session), { status: 'CANCELLED', stage: 'cancelled' });
        const withLineage: MessageRecord = {
          ...message,
          options: { ...message.options, sourceImageId },
          image: { ...(message.image ?? imageRecord('users/u/x.png')), parentImageId: sourceImageId },
        };
        await store.insertMessage(withLineage);
        expect(await store.findMessage(withLineage.id)).toStrictEqual(withLineage);
        // Final: neither first in line nor unfinished.
        expect(await store.nextInLine(session.id)).toBeNull();
      });

      it('keeps null, empty and missing values as they were written', async () => {
        const session = await seedSession();
        const [message] = await seedMessages(session, 1);
        expect(await store.findMessage(message!.id)).toStrictEqual(message);
      });

      it('writes every field through replaceMessage, to values and back to null', async () => {
        const session = await seedSession();
        const [message] = await seedMessages(session, 1);
        const finished = { ...finishedRecord(session), id: message!.id, createdAt: message!.createdAt };
        expect(await store.replaceMessage(finished, message!.sequence)).toBe(true);
        expect(await store.findMessage(message!.id)).toStrictEqual(finished);

        const retried = progressed(finished, {
          status: 'PENDING',
          stage: 'queued',
          progress: 0,
          intent: null,
          refinedPrompt: null,
          reply: null,
          refinement: null,
          image: null,
          imageDeletedAt: null,
          error: null,
          idempotencyKey: null,
          requestHash: null,
          usage: [],
          timings: {},
          options: {},
          completedAt: null,
        });
        expect(await store.replaceMessage(retried, finished.sequence)).toBe(true);
        expect(await store.findMessage(message!.id)).toStrictEqual(retried);
      });
    });
  });
}
