import { defineConfig } from 'drizzle-kit';

/** `npx drizzle-kit generate --config gallery/drizzle.config.ts` writes the gallery's migrations. */
export default defineConfig({
  dialect: 'postgresql',
  schema: './gallery/schema.ts',
  out: './gallery/migrations',
});
