import { useEffect, useRef, useState } from 'preact/hooks';
import type { Session } from '../../client/index.js';
import { api, errorText } from '../api.js';
import { SESSION_PAGE } from './page-sizes.js';
import type { ImagesOnDelete } from './session-list.js';


/** Sessions `held` with `page` laid over them: a page's version of a session wins, none twice, newest first. */
function union(held: Session[], page: Session[]): Session[] {
  const byId = new Map(held.map((session) => [session.id, session]));
  for (const session of page) byId.set(session.id, session);
  return [...byId.values()].sort((a, b) => b.created_at.localeCompare(a.created_at));
}

/** The user's sessions, paged, and what the list does to them; `problem` is the last refusal. */
export function useSessions() {
  const [sessions, setSessions] = useState<Session[]>([]);
  const [cursor, setCursor] = useState<string | null>(null);
  // A ref, not state: a conversation's effect calls `reload` from the render it started in.
  const loaded = useRef(false);
  const [problem, setProblem] = useState('');

  const fetchPage = async (after?: string) => {
    const { data, error } = await api.GET('/api/v1/chat/sessions/', { params: { query: { limit: SESSION_PAGE, ...(after && { cursor: after }) } } });
    if (!data) return setProblem(errorText(error));
    setProblem('');
    setSessions((held) => union(held, data.data));
    // The first page again (a title came) leaves the cursor where the list already is.
    if (after || !loaded.current) setCursor(data.next_cursor);
    loaded.current = true;
  };
  useEffect(() => void fetchPage(), []);

  return {
    sessions,
    problem,
    hasMore: cursor !== null,
    reload: () => fetchPage(),
    more: () => (cursor ? fetchPage(cursor) : Promise.resolve()),
    create: async (): Promise<Session | undefined> => {
      const { data, error } = await api.POST('/api/v1/chat/sessions/', { body: {} });
      if (!data) return void setProblem(errorText(error));
      setSessions((held) => union(held, [data]));
      return data;
    },
    rename: async (id: string, title: string): Promise<boolean> => {
      const { data, error } = await api.PATCH('/api/v1/chat/sessions/{id}/', { params: { path: { id } }, body: { title } });
      if (!data) return setProblem(errorText(error)), false;
      setSessions((held) => union(held, [data]));
      return true;
    },
    remove: async (id: string, images: ImagesOnDelete): Promise<boolean> => {
      const { error, response } = await api.DELETE('/api/v1/chat/sessions/{id}/', { params: { path: { id }, query: { images } } });
      if (!response.ok) return setProblem(errorText(error)), false;
      setSessions((held) => held.filter((session) => session.id !== id));
      return true;
    },
  };
}
