import { serve } from '@hono/node-server';
import { Hono } from 'hono';

/**
 * The baseline: a bare Hono JSON route on @hono/node-server that reads a JSON body and answers
 * 202 with a small JSON object. Everything the real route does beyond this is Atelier's cost.
 */
const app = new Hono();
let counter = 0;
app.post('/messages', async (c) => {
  const body = await c.req.json<{ content: string }>();
  counter += 1;
  return c.json({ id: String(counter), content: body.content, status: 'PENDING' }, 202);
});

const server = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' }, (info) => {
  process.stdout.write(`READY http://127.0.0.1:${info.port}\n`);
});
process.on('SIGTERM', () => server.close(() => process.exit(0)));
