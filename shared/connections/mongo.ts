import mongoose from 'mongoose';

export interface Mongo {
  connection: mongoose.Connection;
  ping(): Promise<void>;
  close(): Promise<void>;
}

/**
 * A dedicated mongoose connection (not the global default), so tests and services can hold
 * several side by side. Fails within `timeoutMs` when no server answers.
 */
export async function connectMongo(url: string, options: { timeoutMs?: number; dbName?: string } = {}): Promise<Mongo> {
  const connection = mongoose.createConnection(url, {
    serverSelectionTimeoutMS: options.timeoutMs ?? 10_000,
    ...(options.dbName ? { dbName: options.dbName } : {}),
  });
  await connection.asPromise();
  return {
    connection,
    ping: async () => {
      await connection.db?.admin().ping();
    },
    close: () => connection.close(),
  };
}
