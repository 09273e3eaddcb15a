import { defineConfig } from 'drizzle-kit';

/** The webhook tables' migrations are generated here and committed. */
export default defineConfig({
  dialect: 'postgresql',
  schema: './webhooks/schema/*.ts',
  out: './webhooks/migrations',
});
