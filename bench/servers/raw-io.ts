import { randomUUID } from 'node:crypto';
import { serve } from '@hono/node-server';
import { Queue } from 'bullmq';
import { Hono } from 'hono';
import pg from 'pg';
import { createPostgresStore } from '../../conversation/index.js';
import { connectPostgres, openPglite } from '../../shared/connections/postgres.js';
import { connectRedis, createCommandRedis } from '../../shared/connections/redis.js';
import { newId } from '../../shared/ids.js';

/**
 * The second baseline: a bare Hono route doing the I/O a posted message cannot do without, by
 * hand (raw `pg`, same tables, same pool size): insert the message row into the user's session
 * (the session check in the same statement), claim the session's turn in Redis (messages of a
 * session run in order) and read who is first in line (the turn is theirs), add one BullMQ job,
 * answer 202. The commands are Atelier's, written out. Atelier's
 * cost beyond this is its own code: validation, the store and state machine, the realtime event,
 * the error envelope, the middleware.
 *
 * Each request goes to a session of its own (made at start), as in the Atelier run, so every
 * claim succeeds and every message is enqueued. `RAW_IO=read-insert` gives the baseline as it
 * was before messages had turns: read the session, insert, add.
 */
const env = process.env;
const redis = createCommandRedis(env.REDIS_URL as string, () => {});
await connectRedis(redis, 'REDIS_URL', 10_000);
const queue = new Queue('raw-prompt', { connection: redis, prefix: `${env.QUEUE_PREFIX ?? 'bench'}-rawio` });

// Same schema as Atelier's (its migration), so the row written is the same row. Without a server,
// PGlite in this process, as Atelier's embedded mode runs it.
const setup = env.DATABASE_URL ? await connectPostgres(env.DATABASE_URL) : await openPglite();
await createPostgresStore(setup).migrate();
type Query = (text: string, params: unknown[]) => Promise<{ rows: unknown[] }>;
let query: Query;
if (env.DATABASE_URL) {
  await setup.close();
  const pool = new pg.Pool({ connectionString: env.DATABASE_URL, max: 10 });
  query = (text, params) => pool.query(text, params);
} else {
  const { PGlite } = await import('@electric-sql/pglite');
  const client = (setup.db as unknown as { $client: InstanceType<typeof PGlite> }).$client;
  query = (text, params) => client.query(text, params);
}
const sessionId = randomUUID();
await query(`insert into chat_sessions (id, user_id, created_at, updated_at) values ($1, 'local', now(), now())`, [sessionId]);
const sessions = (
  await query(
    `insert into chat_sessions (id, user_id, created_at, updated_at)
     select gen_random_uuid(), 'local', now(), now() from generate_series(1, 200000) returning id`,
    [],
  )
).rows.map((row) => (row as { id: string }).id);
let nextSession = 0;
const withTurns = env.RAW_IO !== 'read-insert';
const turnPrefix = `${env.QUEUE_PREFIX ?? 'bench'}-rawio`;

const app = new Hono();
app.post('/sessions/:id/messages', async (c) => {
  const body = await c.req.json<{ content: string }>();
  if (withTurns) {
    const session = sessions[nextSession++ % sessions.length] as string;
    const id = newId();
    const now = new Date();
    const inserted = await query(
      `insert into chat_messages (id, session_id, user_id, content, options, status, stage, progress, sequence, attempts, usage, timings, created_at, updated_at)
       select $1::uuid, $2::uuid, 'local', $3::text, '{}', 'PENDING', 'queued', 0, 1, 0, '[]', '{}', $4::timestamptz, $4::timestamptz
       from chat_sessions where id = $2::uuid and user_id = 'local' on conflict do nothing returning id`,
      [id, session, body.content, now],
    );
    if (inserted.rows.length === 0) return c.json({ error: 'not found' }, 404);
    const claimed = await redis.set(`${turnPrefix}:turn:${session}`, id, 'EX', 604_800, 'NX');
    if (claimed === 'OK') {
      // The turn goes to the first message in line (turns.ts): who that is, read as Atelier reads it.
      await query(`select id from chat_messages where session_id = $1::uuid and status in ('PENDING', 'PROCESSING') order by id limit 1`, [session]);
      await queue.add('prompt', { messageId: id }, { jobId: `${id}.prompt` });
    }
    return c.json({ id, session_id: session, content: body.content, status: 'PENDING' }, 202);
  }
  const session = await query('select id from chat_sessions where id = $1 and user_id = $2', [c.req.param('id'), 'local']);
  if (session.rows.length === 0) return c.json({ error: 'not found' }, 404);
  const id = randomUUID();
  const now = new Date();
  await query(
    `insert into chat_messages (id, session_id, user_id, content, options, status, stage, progress, sequence, attempts, usage, timings, created_at, updated_at)
     values ($1, $2, 'local', $3, '{}', 'PENDING', 'queued', 0, 1, 0, '[]', '{}', $4, $4)`,
    [id, c.req.param('id'), body.content, now],
  );
  await queue.add('prompt', { messageId: id }, { jobId: `${id}.prompt` });
  return c.json({ id, session_id: c.req.param('id'), content: body.content, status: 'PENDING' }, 202);
});

const server = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' }, (info) => {
  process.stdout.write(`READY http://127.0.0.1:${info.port} ${sessionId}\n`);
});
process.on('SIGTERM', () => {
  server.close();
  void queue.close().then(() => redis.quit()).then(() => process.exit(0));
});
