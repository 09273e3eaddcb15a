import { defineConfig } from 'drizzle-kit';

/** `npx drizzle-kit generate --config usage/drizzle.config.ts` writes the usage rollup's migrations here; they are committed. */
export default defineConfig({
  dialect: 'postgresql',
  schema: './usage/schema.ts',
  out: './usage/migrations',
});
