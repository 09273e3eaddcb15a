import { createRoute, z } from '@hono/zod-openapi';
import type { App } from '../../shared/http.js';

/** A dependency `/ready` checks: a name and a probe that throws when it is not usable. */
export interface ReadinessCheck {
  name: string;
  check: () => Promise<void>;
}

const CHECK_TIMEOUT_MS = 2000;

const Health = z.object({ status: z.literal('ok') }).openapi('Health');
const Readiness = z
  .object({
    status: z.enum(['ready', 'unavailable']),
    checks: z.record(z.string(), z.object({ ok: z.boolean(), error: z.string().optional(), ms: z.number() })),
  })
  .openapi('Readiness');

const healthRoute = createRoute({
  method: 'get',
  path: '/health',
  tags: ['operations'],
  summary: 'The process is alive',
  responses: { 200: { description: 'Alive', content: { 'application/json': { schema: Health } } } },
});

const readyRoute = createRoute({
  method: 'get',
  path: '/ready',
  tags: ['operations'],
  summary: 'Every dependency answers',
  responses: {
    200: { description: 'Ready', content: { 'application/json': { schema: Readiness } } },
    503: { description: 'A dependency is down', content: { 'application/json': { schema: Readiness } } },
  },
});

export function registerHealth(app: App, checks: ReadinessCheck[]): void {
  app.openapi(healthRoute, (c) => c.json({ status: 'ok' as const }, 200));
  app.openapi(readyRoute, async (c) => {
    const results = await Promise.all(checks.map(async ({ name, check }) => [name, await probe(check)] as const));
    const ok = results.every(([, result]) => result.ok);
    return c.json({ status: ok ? ('ready' as const) : ('unavailable' as const), checks: Object.fromEntries(results) }, ok ? 200 : 503);
  });
}

async function probe(check: () => Promise<void>): Promise<{ ok: boolean; error?: string; ms: number }> {
  const started = performance.now();
  let timer: NodeJS.Timeout | undefined;
  try {
    await Promise.race([
      check(),
      new Promise((_, reject) => {
        timer = setTimeout(() => reject(new Error(`no answer within ${CHECK_TIMEOUT_MS} ms`)), CHECK_TIMEOUT_MS);
      }),
    ]);
    return { ok: true, ms: Math.round(performance.now() - started) };
  } catch (error) {
    return { ok: false, error: error instanceof Error ? error.message : String(error), ms: Math.round(performance.now() - started) };
  } finally {
    clearTimeout(timer);
  }
}
