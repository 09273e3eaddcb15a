import { createRoute, z } from '@hono/zod-openapi';
import { AppError } from '../../shared/errors.js';
import type { App } from '../../shared/http.js';
import { outageOf } from '../../shared/outages.js';

/** A dependency `/ready` checks: a name and a probe that throws when it is not usable. */
export interface ReadinessCheck {
  name: string;
  check: () => Promise<void>;
}

const CHECK_TIMEOUT_MS = 2000;

export const Health = z.object({ status: z.literal('ok') }).openapi('Health');
export const Readiness = z
  .object({
    status: z.enum(['ready', 'starting', 'unavailable']),
    checks: z.record(z.string(), z.object({ ok: z.boolean(), error: z.string().optional(), ms: z.number() })),
  })
  .openapi('Readiness');

const healthRoute = createRoute({
  method: 'get',
  path: '/health',
  operationId: 'getHealth',
  tags: ['operations'],
  summary: 'Liveness: the process is running (also while it starts)',
  responses: { 200: { description: 'Alive', content: { 'application/json': { schema: Health } } } },
});

const readyRoute = createRoute({
  method: 'get',
  path: '/ready',
  operationId: 'getReadiness',
  tags: ['operations'],
  summary: 'Readiness: started, and every dependency answers',
  responses: {
    200: { description: 'Ready', content: { 'application/json': { schema: Readiness } } },
    503: { description: 'Still starting, or a dependency is down (`checks` says which)', content: { 'application/json': { schema: Readiness } } },
  },
});

export function registerHealth(app: App, checks: ReadinessCheck[]): void {
  app.openapi(healthRoute, (c) => c.json({ status: 'ok' as const }, 200));
  app.openapi(readyRoute, async (c) => {
    const results = await Promise.all(checks.map(async ({ name, check }) => [name, await probe(check)] as const));
    const ok = results.every(([, result]) => result.ok);
    if (!ok) c.header('Retry-After', '1');
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
        timer = setTimeout(() => reject(new AppError('service_unavailable', `no answer within ${CHECK_TIMEOUT_MS} ms`)), CHECK_TIMEOUT_MS);
      }),
    ]);
    return { ok: true, ms: Math.round(performance.now() - started) };
  } catch (error) {
    return { ok: false, error: describe(error), ms: Math.round(performance.now() - started) };
  } finally {
    clearTimeout(timer);
  }
}

/**
 * Why a check failed, in words fit for whoever can reach `/ready`: the dependency's state and an
 * error code at most, never a query, its parameters, a path or a stack.
 */
function describe(error: unknown): string {
  if (error instanceof AppError) return error.message;
  const code = findCode(error);
  if (outageOf(error)) return `not answering${code ? ` (${code})` : ''}`;
  return `check failed${code ? ` (${code})` : ''}`;
}

function findCode(error: unknown): string | undefined {
  let current: unknown = error;
  for (let depth = 0; depth < 6 && typeof current === 'object' && current !== null; depth += 1) {
    const code = (current as { code?: unknown }).code;
    if (typeof code === 'string' && /^[A-Z0-9_]{2,32}$/.test(code)) return code;
    current = (current as { cause?: unknown }).cause;
  }
  return undefined;
}
