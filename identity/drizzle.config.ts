import { defineConfig } from 'drizzle-kit';

/** `npm run db:generate` writes the identity tables' migrations here; they are committed. */
export default defineConfig({
  dialect: 'postgresql',
  schema: './identity/schema/*.ts',
  out: './identity/migrations',
});
