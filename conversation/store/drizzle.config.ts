import { defineConfig } from 'drizzle-kit';

/** `npm run db:generate` writes the conversation tables' migrations here; they are committed. */
export default defineConfig({
  dialect: 'postgresql',
  schema: './conversation/store/postgres-schema.ts',
  out: './conversation/store/migrations',
});
