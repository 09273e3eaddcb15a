import { REALTIME_EVENTS } from '../shared/realtime.js';
import type { GalleryContext } from './context.js';
import type { GalleryImageRow } from './schema.js';
import { toImageWire } from './schemas.js';

/**
 * The gallery's realtime events, sent to the owner's room (`user:{userId}`). Payloads:
 * - `gallery.image.created`: the image (wire shape). Only when a row was really created, never
 *   for a repeated save of the same message.
 * - `gallery.image.deleted`: the image plus `permanent`: `false` when it moved to the trash
 *   (`deleted_at` set), `true` when it is gone for good (the image as it was before removal).
 * - `gallery.image.restored`: the image, `deleted_at` null again.
 */
export type GalleryEvent = 'created' | 'deleted' | 'deleted-permanently' | 'restored';

const NAMES = {
  created: REALTIME_EVENTS.galleryImageCreated,
  deleted: REALTIME_EVENTS.galleryImageDeleted,
  'deleted-permanently': REALTIME_EVENTS.galleryImageDeleted,
  restored: REALTIME_EVENTS.galleryImageRestored,
} as const;

/** Best effort: the change is committed already, so a failed emit is logged, not thrown. */
export function publishImageEvent(ctx: GalleryContext, event: GalleryEvent, row: GalleryImageRow): void {
  const image = toImageWire(row, ctx);
  const payload =
    event === 'deleted' || event === 'deleted-permanently' ? { ...image, permanent: event !== 'deleted' } : image;
  try {
    ctx.realtime.toUser(row.userId, NAMES[event], payload);
  } catch (error) {
    ctx.logger.warn({ err: error, imageId: row.id, event: NAMES[event] }, 'gallery event not sent');
  }
  // Restores are realtime only: webhooks announce what was made and what went away.
  if (ctx.onEvent && event !== 'restored') {
    const type = event === 'created' ? 'gallery.image.created' : 'gallery.image.deleted';
    ctx.onEvent({ type, userId: row.userId, data: payload, occurredAt: new Date() });
  }
}
