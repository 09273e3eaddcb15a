import { hashPassword } from '../identity/index.js';
import { NotFound } from '../shared/errors.js';
import { newId } from '../shared/ids.js';
import type { GalleryContext } from './context.js';
import { selectLiveImageIds } from './repository.js';
import { insertShare } from './share-repository.js';
import { hashShareToken, newShareToken } from './share-token.js';
import type { GalleryShareRow } from './schema.js';

export interface CreateShareInput {
  userId: string;
  imageId: string;
  /** Seconds from now; unset: the link never expires. */
  expiresIn?: number | undefined;
  password?: string | undefined;
  allowDownload?: boolean | undefined;
  showPrompt?: boolean | undefined;
  now?: Date;
}

/**
 * A public link to one of the user's live images. The token is returned once, here: only its hash
 * is kept, so a lost link cannot be shown again (make another, revoke the old one).
 */
export async function createShare({
  ctx,
  input,
}: {
  ctx: Pick<GalleryContext, 'db'>;
  input: CreateShareInput;
}): Promise<{ share: GalleryShareRow; token: string }> {
  const live = await selectLiveImageIds(ctx.db, { userId: input.userId, ids: [input.imageId] });
  if (!live.has(input.imageId)) throw new NotFound('image', input.imageId);
  const now = input.now ?? new Date();
  const token = newShareToken();
  const share = await insertShare(ctx.db, {
    id: newId(),
    userId: input.userId,
    imageId: input.imageId,
    tokenHash: hashShareToken(token),
    passwordHash: input.password === undefined ? null : await hashPassword(input.password),
    allowDownload: input.allowDownload ?? true,
    showPrompt: input.showPrompt ?? true,
    createdAt: now,
    expiresAt: input.expiresIn === undefined ? null : new Date(now.getTime() + input.expiresIn * 1000),
  });
  return { share, token };
}
