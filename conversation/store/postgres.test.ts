import { createTestPostgres } from '../../shared/testing/postgres.js';
import { storeContract } from './contract.js';
import { createPostgresStore } from './postgres.js';

storeContract('Postgres', async () => {
  const postgres = await createTestPostgres();
  return { store: createPostgresStore(postgres), close: () => postgres.close() };
});
