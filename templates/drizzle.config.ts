import { defineConfig } from 'drizzle-kit';

/** `npx drizzle-kit generate --config templates/drizzle.config.ts` writes the templates table's migrations here; they are committed. */
export default defineConfig({
  dialect: 'postgresql',
  schema: './templates/schema.ts',
  out: './templates/migrations',
});
