import { Emitter } from '@socket.io/redis-emitter';
import type { Redis } from 'ioredis';
import { appendToEventLog } from './event-log.js';

/**
 * Realtime events. Everything that emits goes through Redis (the Socket.IO Redis emitter), so a
 * worker in another process reaches a client connected to any gateway, exactly as the gateway does.
 */
export const REALTIME_EVENTS = {
  messageUpdated: 'message.updated',
  galleryImageCreated: 'gallery.image.created',
  galleryImageDeleted: 'gallery.image.deleted',
  galleryImageRestored: 'gallery.image.restored',
  /** An export's status or progress changed (gallery/exports/events.ts). */
  galleryExportUpdated: 'gallery.export.updated',
} as const;
export type RealtimeEvent = (typeof REALTIME_EVENTS)[keyof typeof REALTIME_EVENTS];

// Message changes reach a session's followers through the event log (event-log.ts), not a room.
export const rooms = {
  user: (userId: string) => `user:${userId}`,
};

/** Sends an event; fire-and-forget, as a Socket.IO emit is. */
export interface RealtimePublisher {
  toUser(userId: string, event: RealtimeEvent, payload: unknown): void;
  /**
   * A message changed: kept in its session's event log and announced to every gateway, which
   * sends it on to the session's subscribers (Socket.IO, SSE, long polls). See event-log.ts.
   */
  messageChanged(change: { sessionId: string; messageId: string; sequence: number; message: unknown }): void;
}

/**
 * A publisher on the Socket.IO Redis emitter. `channelKey` must match the key the gateways'
 * Redis adapter listens on (default "atelier-realtime"). An event that cannot be published (Redis
 * away) is dropped and `onError` told: the change it announced is stored, and polling shows it.
 */
export function createRedisPublisher(redis: Redis, channelKey: string, onError: (error: unknown) => void): RealtimePublisher {
  // The emitter publishes without awaiting: the rejection of a publish must be caught here.
  const client = { publish: (channel: string, message: string | Buffer) => redis.publish(channel, message).catch(onError) };
  const emitter = new Emitter(client, { key: channelKey });
  return {
    toUser: (userId, event, payload) => emitter.to(rooms.user(userId)).emit(event, payload),
    messageChanged: (change) => void appendToEventLog(redis, channelKey, change).catch(onError),
  };
}
