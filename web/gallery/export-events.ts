import type { Socket } from 'socket.io-client';
import { connectRealtime, type components } from '../../client/index.js';
import { baseUrl, storedToken } from '../api.js';

export type GalleryExport = components['schemas']['GalleryExport'];

/** Whether an export will change no more (no event or poll can tell anything new). */
export const isFinal = (exported: GalleryExport) => exported.status !== 'queued' && exported.status !== 'running';

/**
 * The user's `gallery.export.updated` events, on a Socket.IO connection of its own (the server
 * sends them to every socket of the owner; no subscribe is needed). Each export's newest state is
 * kept, so an event that arrives before `POST /v1/gallery/exports/` has answered is not lost.
 */
export interface ExportEvents {
  /** Whether events can arrive now; when not, the caller polls. */
  readonly connected: boolean;
  /** The newest state an event brought of export `id`, if any. */
  latest(id: string): GalleryExport | undefined;
  /**
   * Resolves with the newest event about `id` once it is not `seen` (the last one the caller took;
   * at once if a newer one is held), or with `undefined` when the connection drops or `patienceMs`
   * pass without one (the caller then asks the API once: an event may have been lost).
   */
  next(id: string, seen: GalleryExport | undefined, patienceMs: number): Promise<GalleryExport | undefined>;
  close(): void;
}

/** Connects; `onLive` hears each connect (`true`) and disconnect (`false`). */
export function connectExportEvents(onLive: (live: boolean) => void = () => {}): ExportEvents {
  const held = new Map<string, GalleryExport>();
  const waiting = new Set<() => void>();
  const wakeAll = () => {
    for (const wake of [...waiting]) wake();
  };
  // The token is asked at each (re)connect, so a new sign-in's (or a renewed one) is the one sent.
  const socket: Socket = connectRealtime({ baseUrl, token: storedToken });
  socket.on('gallery.export.updated', (exported: GalleryExport) => {
    const before = held.get(exported.id);
    // A late event never takes a finished export back to running (done may still become expired).
    if (!before || !isFinal(before) || isFinal(exported)) held.set(exported.id, exported);
    wakeAll();
  });
  socket.on('connect', () => onLive(true));
  socket.on('disconnect', () => {
    onLive(false);
    wakeAll();
  });

  return {
    get connected() {
      return socket.connected;
    },
    latest: (id) => held.get(id),
    next: (id, seen, patienceMs) =>
      new Promise((resolve) => {
        let timer: ReturnType<typeof setTimeout> | undefined;
        const check = () => {
          const now = held.get(id);
          if (now && now !== seen) finish(now);
          else if (!socket.connected) finish(undefined);
        };
        const finish = (value: GalleryExport | undefined) => {
          clearTimeout(timer);
          waiting.delete(check);
          resolve(value);
        };
        waiting.add(check);
        timer = setTimeout(() => finish(undefined), patienceMs);
        check();
      }),
    close: () => {
      socket.close();
      wakeAll();
    },
  };
}
