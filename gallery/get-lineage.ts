import type { GalleryContext } from './context.js';
import { getImage } from './get-image.js';
import { selectLineage } from './repository.js';
import type { GalleryImageRow } from './schema.js';

export interface Lineage {
  image: GalleryImageRow;
  /** Oldest first: the first image of the chain, …, this image's parent. */
  ancestors: GalleryImageRow[];
  /** Every image made from this one, directly or not, oldest first. */
  descendants: GalleryImageRow[];
}

/** Where one of the user's images came from and what was made from it (docs/lineage.md). */
export async function getLineage({ ctx, input }: { ctx: GalleryContext; input: { userId: string; id: string } }): Promise<Lineage> {
  const image = await getImage({ ctx, input });
  return { image, ...(await selectLineage(ctx.db, input)) };
}
