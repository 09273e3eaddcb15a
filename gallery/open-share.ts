import { verifyPassword } from '../identity/index.js';
import { NotFound, TooManyRequests } from '../shared/errors.js';
import type { GalleryContext, ShareGuard } from './context.js';
import type { GalleryImageRow, GalleryShareRow } from './schema.js';
import { countShareView, selectOpenShare } from './share-repository.js';
import { hashShareToken, isShareToken } from './share-token.js';

/**
 * The one answer for every link that cannot be opened: unknown, revoked, expired, its image
 * trashed or gone, or a password missing or wrong. Nothing in it tells these apart.
 */
export function shareNotFound(): NotFound {
  return new NotFound('share link');
}

export interface OpenShareInput {
  token: string;
  /** The password the visitor gave, if any. */
  password?: string | undefined;
  /** The visitor already proved the password: a signed image URL this instance handed out for this token. */
  passwordProven?: boolean;
  /** The visitor's address: password attempts are limited per link and address. */
  address: string;
  /** A page or JSON read counts as a view; an image fetch does not. */
  countView: boolean;
  now?: Date;
}

export interface OpenedShare {
  share: GalleryShareRow;
  image: GalleryImageRow;
  /** The views after this one. */
  views: number;
}

/**
 * Open a public link: its image, if the link is live and the password (when it has one) right.
 * Throws {@link shareNotFound} otherwise, and `rate_limited` once an address has guessed too
 * many wrong passwords for this link.
 */
export async function openShare({
  ctx,
  input,
}: {
  ctx: Pick<GalleryContext, 'db'> & { guard?: ShareGuard | undefined };
  input: OpenShareInput;
}): Promise<OpenedShare> {
  if (!isShareToken(input.token)) throw shareNotFound();
  const found = await selectOpenShare(ctx.db, { tokenHash: hashShareToken(input.token), now: input.now ?? new Date() });
  if (!found) throw shareNotFound();
  const { share, image } = found;
  if (share.passwordHash !== null && !input.passwordProven) {
    if (input.password === undefined || input.password === '') throw shareNotFound();
    await checkPassword(ctx.guard, share, input.password, input.address);
  }
  const views = input.countView ? await countShareView(ctx.db, share.id) : share.views;
  return { share, image, views };
}

async function checkPassword(guard: ShareGuard | undefined, share: GalleryShareRow, password: string, address: string): Promise<void> {
  const key = `share:${share.id}`;
  const waitMs = await guard?.admit(key, address);
  if (waitMs !== undefined) throw new TooManyRequests('rate_limited', 'too many wrong passwords for this link; try again after Retry-After', waitMs);
  let right = false;
  try {
    right = await verifyPassword(password, share.passwordHash as string);
  } finally {
    await guard?.settle(key, address, right ? 'succeeded' : 'failed');
  }
  if (!right) throw shareNotFound();
}
