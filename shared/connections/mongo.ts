import mongoose from 'mongoose';

export interface Mongo {
  connection: mongoose.Connection;
  ping(): Promise<void>;
  close(): Promise<void>;
}

/**
 * A dedicated mongoose connection (not the global default), so tests and services can hold
 * several side by side. Fails within `timeoutMs` (default 5 s) when no server answers, at start
 * and for every operation after: commands are not buffered while MongoDB is away, so a request
 * answers 503 instead of waiting for it.
 */
export async function connectMongo(url: string, options: { timeoutMs?: number; dbName?: string } = {}): Promise<Mongo> {
  const connection = mongoose.createConnection(url, {
    serverSelectionTimeoutMS: options.timeoutMs ?? 5000,
    bufferCommands: false,
    ...(options.dbName ? { dbName: options.dbName } : {}),
  });
  // Without a listener, a connection error would be an unhandled 'error' event.
  connection.on('error', () => {});
  await connection.asPromise();
  return {
    connection,
    ping: async () => {
      await connection.db?.admin().ping();
    },
    close: () => connection.close(),
  };
}
