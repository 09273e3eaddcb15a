import { and, desc, eq, lt, or } from 'drizzle-orm';
import type { Database } from '../shared/connections/postgres.js';
import { decodeCursor, toPage, type Page } from '../shared/pagination.js';
import { promptTemplates as templates, type PromptTemplateRow } from './schema.js';

/**
 * The templates' queries. A reader sees their own templates and their organisation's shared
 * ones; only the owner's key changes or deletes a row. Another user's private template and
 * another organisation's are never read: to the caller, exactly like a missing one.
 */

export type Reader = { userId: string; orgId: string };

const visibleTo = (reader: Reader) =>
  or(eq(templates.userId, reader.userId), and(eq(templates.orgId, reader.orgId), eq(templates.shared, true)));

export async function insertTemplate(db: Database, row: PromptTemplateRow): Promise<PromptTemplateRow> {
  const [inserted] = await db.insert(templates).values(row).returning();
  return inserted as PromptTemplateRow;
}

/** A template the reader may see: their own, or one shared with their organisation. */
export async function findVisibleTemplate(db: Database, reader: Reader & { id: string }): Promise<PromptTemplateRow | null> {
  const [row] = await db
    .select()
    .from(templates)
    .where(and(eq(templates.id, reader.id), visibleTo(reader)));
  return row ?? null;
}

/** The reader's templates and their organisation's shared ones, newest first. Cursor: the last id seen. */
export async function listVisibleTemplates(
  db: Database,
  query: Reader & { limit: number; cursor?: string | undefined },
): Promise<Page<PromptTemplateRow>> {
  const conditions = [visibleTo(query)];
  if (query.cursor !== undefined) {
    const [lastId] = decodeCursor(query.cursor, ['uuid']);
    conditions.push(lt(templates.id, lastId as string));
  }
  const rows = await db
    .select()
    .from(templates)
    .where(and(...conditions))
    .orderBy(desc(templates.id))
    .limit(query.limit + 1);
  return toPage(rows, query.limit, (row) => [row.id]);
}

/** Change the owner's template. Null when the user owns no such template. */
export async function updateOwnTemplate(
  db: Database,
  key: { userId: string; id: string },
  changes: Partial<Pick<PromptTemplateRow, 'name' | 'text' | 'defaults' | 'shared'>> & { updatedAt: Date },
): Promise<PromptTemplateRow | null> {
  const [row] = await db
    .update(templates)
    .set(changes)
    .where(and(eq(templates.id, key.id), eq(templates.userId, key.userId)))
    .returning();
  return row ?? null;
}

/** Delete the owner's template. False when the user owns no such template. */
export async function deleteOwnTemplate(db: Database, key: { userId: string; id: string }): Promise<boolean> {
  const deleted = await db
    .delete(templates)
    .where(and(eq(templates.id, key.id), eq(templates.userId, key.userId)))
    .returning({ id: templates.id });
  return deleted.length > 0;
}
