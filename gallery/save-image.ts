import { Conflict } from '../shared/errors.js';
import { newId } from '../shared/ids.js';
import type { GalleryContext } from './context.js';
import { publishImageEvent } from './events.js';
import { insertImage } from './repository.js';
import type { StoredImage } from '../image-service/index.js';
import type { GalleryImageRow, GalleryStorage, ImageUsage } from './schema.js';

export interface SaveImageInput {
  /** The image's id (the pipeline files a message's image under the id it made it with). Default: a new one. */
  id?: string;
  userId: string;
  /** The owner's organisation. */
  orgId?: string | null;
  sessionId?: string | null;
  /**
   * The chat message this image answers. At most one image per message and variation: saving
   * again for the same one (a retried finalize, a repeated POST) returns the row already filed.
   */
  messageId?: string | null;
  /** Which of the message's variations it is (`options.n`), from 0. Default 0. */
  variation?: number;
  /** The image this one was made from (an edit or enhance of it), for its lineage. */
  parentImageId?: string | null;
  prompt: string;
  refinedPrompt?: string | null;
  /** What the image should not show (the refinement's negative prompt). */
  negativePrompt?: string | null;
  intent?: string | null;
  provider: string;
  model?: string | null;
  seed?: number | null;
  width: number;
  height: number;
  format: string;
  bytes?: number | null;
  /** The file's own URL; null for a file on our disk (its URL is built when it is read). */
  url: string | null;
  thumbnailUrl?: string | null;
  storage: GalleryStorage;
  /** The storage's key for the file; permanent delete removes it. Null for external images. */
  storageKey?: string | null;
  /** Moderation flagged it (its prompt, or the provider's ratings of the image). Default false. */
  isNsfw?: boolean;
  metadata?: Record<string, unknown>;
  /** What each provider call that made it used (the message's usage). Default none. */
  usage?: ImageUsage[];
  /** Milliseconds each stage took before it was filed (the message's timings). Default none. */
  timings?: Record<string, number>;
}

/** What a stored image says of itself, as a gallery row keeps it (the pipeline's and a direct generation's rows alike). */
export function storedImageFields(image: StoredImage): Pick<
  SaveImageInput,
  'id' | 'provider' | 'model' | 'seed' | 'width' | 'height' | 'format' | 'bytes' | 'url' | 'thumbnailUrl' | 'storage' | 'storageKey' | 'isNsfw'
> {
  return {
    id: image.id,
    provider: image.provider,
    model: image.model,
    seed: image.seed,
    width: image.width,
    height: image.height,
    format: image.format,
    bytes: image.bytes,
    url: image.url,
    thumbnailUrl: image.thumbnailUrl,
    storage: image.storage,
    storageKey: image.storageKey,
    isNsfw: image.nsfw === true,
  };
}

export interface SaveImageResult {
  image: GalleryImageRow;
  /** False when the message's image was filed already and that row is returned. */
  created: boolean;
}

/**
 * File an image in the user's gallery; emits `gallery.image.created` only when a row is created.
 * Ids are UUIDv7, so "newest first" is the order images were asked for: a fresh id, or the
 * pipeline's id for a message's image, which carries the time the message was posted.
 * @throws Conflict when the message's image is filed in another user's gallery.
 */
export async function saveImage({ ctx, input }: { ctx: GalleryContext; input: SaveImageInput }): Promise<SaveImageResult> {
  const now = new Date();
  const { row, created } = await insertImage(ctx.db, {
    id: input.id ?? newId(),
    userId: input.userId,
    orgId: input.orgId ?? null,
    sessionId: input.sessionId ?? null,
    messageId: input.messageId ?? null,
    variation: input.variation ?? 0,
    parentImageId: input.parentImageId ?? null,
    prompt: input.prompt,
    refinedPrompt: input.refinedPrompt ?? null,
    negativePrompt: input.negativePrompt ?? null,
    intent: input.intent ?? null,
    provider: input.provider,
    model: input.model ?? null,
    seed: input.seed ?? null,
    width: input.width,
    height: input.height,
    format: input.format,
    bytes: input.bytes ?? null,
    url: input.url,
    thumbnailUrl: input.thumbnailUrl ?? null,
    storage: input.storage,
    storageKey: input.storageKey ?? null,
    isNsfw: input.isNsfw ?? false,
    metadata: input.metadata ?? {},
    usage: input.usage ?? [],
    timings: input.timings ?? {},
    createdAt: now,
    updatedAt: now,
  });
  if (!row) throw new Conflict(`message ${input.messageId} already has an image filed`);
  if (created) publishImageEvent(ctx, 'created', row);
  return { image: row, created };
}
