import { createServer, connect, type Server, type Socket } from 'node:net';
import type { AddressInfo } from 'node:net';

/**
 * A TCP proxy in front of one of our own servers (Postgres, Redis), so a test can take the server
 * away from the system under test and give it back, while the server itself keeps running for the
 * other test files:
 * - `cut()`: every connection dropped and new ones refused, as when the server stops;
 * - `hang()`: connections stay open but nothing gets through, as when the server freezes;
 * - `restore()`: connections are taken and carried again, on the same port.
 */
export interface TcpProxy {
  readonly port: number;
  cut(): Promise<void>;
  hang(): Promise<void>;
  restore(): Promise<void>;
  close(): Promise<void>;
}

export async function startTcpProxy(target: { host: string; port: number }): Promise<TcpProxy> {
  const sockets = new Set<Socket>();
  let hung = false;
  const track = (socket: Socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
    socket.on('error', () => socket.destroy());
  };
  const makeServer = () =>
    createServer((client) => {
      track(client);
      if (hung) return; // accepted, never answered
      const upstream = connect(target.port, target.host);
      track(upstream);
      // Bytes that arrive while hung are swallowed: the stream is broken for good, like a frozen server's.
      client.on('data', (chunk) => void (hung || upstream.write(chunk)));
      upstream.on('data', (chunk) => void (hung || client.write(chunk)));
      client.on('close', () => upstream.destroy());
      upstream.on('close', () => client.destroy());
    });
  let server: Server = makeServer();
  await listen(server, 0);
  const port = (server.address() as AddressInfo).port;

  const cut = async () => {
    for (const socket of sockets) socket.destroy();
    if (server.listening) await new Promise<void>((resolve) => server.close(() => resolve()));
  };
  return {
    port,
    cut,
    hang: async () => {
      hung = true;
    },
    restore: async () => {
      if (hung) {
        hung = false;
        // A frozen server that comes back has lost what was sent meanwhile: start clean.
        for (const socket of sockets) socket.destroy();
      }
      if (server.listening) return;
      server = makeServer();
      await listen(server, port);
    },
    close: cut,
  };
}

function listen(server: Server, port: number): Promise<void> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => {
      server.off('error', reject);
      resolve();
    });
  });
}
