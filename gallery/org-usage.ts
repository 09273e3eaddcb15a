import { and, eq, gte, ne, sql } from 'drizzle-orm';
import type { GalleryContext } from './context.js';
import { galleryImages } from './schema.js';

export interface MemberUsage {
  userId: string;
  today: number;
  thisMonth: number;
}

export interface OrgUsage {
  /** Midnight UTC today, and the first of this month at midnight UTC: where the counts start. */
  dayStart: Date;
  monthStart: Date;
  today: number;
  thisMonth: number;
  /** The members who made an image this month, the busiest first. */
  members: MemberUsage[];
}

/**
 * How many images an organisation's members made today and this month (UTC), counted from the
 * gallery rows Atelier filed for them (images it made: a client's own linked images are not
 * counted). Images in the trash still count, since they were made; an image deleted for good is
 * no longer counted.
 */
export async function getOrgUsage({
  ctx,
  input,
}: {
  ctx: Pick<GalleryContext, 'db'>;
  input: { orgId: string; now?: Date };
}): Promise<OrgUsage> {
  const now = input.now ?? new Date();
  const dayStart = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate()));
  const monthStart = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), 1));
  const rows = await ctx.db
    .select({
      userId: galleryImages.userId,
      today: sql<number>`(count(*) filter (where ${galleryImages.createdAt} >= ${dayStart.toISOString()}::timestamptz))::int`,
      thisMonth: sql<number>`count(*)::int`,
    })
    .from(galleryImages)
    .where(and(eq(galleryImages.orgId, input.orgId), gte(galleryImages.createdAt, monthStart), ne(galleryImages.storage, 'external')))
    .groupBy(galleryImages.userId);
  const members = rows.sort((a, b) => b.thisMonth - a.thisMonth || a.userId.localeCompare(b.userId));
  return {
    dayStart,
    monthStart,
    today: members.reduce((sum, member) => sum + member.today, 0),
    thisMonth: members.reduce((sum, member) => sum + member.thisMonth, 0),
    members,
  };
}
