import { useEffect, useRef, useState } from 'preact/hooks';
import type { Session } from '../../client/index.js';

export type ImagesOnDelete = 'trash' | 'keep';

interface SessionListProps {
  sessions: Session[];
  current: string | undefined;
  hasMore: boolean;
  onChoose: (id: string) => void;
  onNew: () => void;
  onMore: () => void;
  onRename: (id: string, title: string) => Promise<boolean>;
  onDelete: (id: string, images: ImagesOnDelete) => Promise<boolean>;
}

const titleOf = (session: Session) => session.title ?? 'Untitled conversation';

/** The conversations, newest first, each with Rename and Delete (which asks what becomes of its images). */
export function SessionList({ sessions, current, hasMore, onChoose, onNew, onMore, onRename, onDelete }: SessionListProps) {
  return (
    <nav class="sessions" aria-label="Conversations">
      <button type="button" onClick={onNew}>
        New conversation
      </button>
      <ul>
        {sessions.map((session) => (
          <SessionRow key={session.id} session={session} current={session.id === current} onChoose={onChoose} onRename={onRename} onDelete={onDelete} />
        ))}
      </ul>
      {hasMore && (
        <button type="button" class="link" onClick={onMore}>
          More conversations
        </button>
      )}
    </nav>
  );
}

type Mode = 'view' | 'rename' | 'delete';

function SessionRow({
  session,
  current,
  onChoose,
  onRename,
  onDelete,
}: { session: Session; current: boolean } & Pick<SessionListProps, 'onChoose' | 'onRename' | 'onDelete'>) {
  const [mode, setMode] = useState<Mode>('view');
  const [title, setTitle] = useState('');
  const [images, setImages] = useState<ImagesOnDelete>('trash');
  const titleInput = useRef<HTMLInputElement>(null);
  // The rename field takes the focus when it opens (once, not on every keystroke's render).
  useEffect(() => {
    if (mode === 'rename') titleInput.current?.focus();
  }, [mode]);
  const name = titleOf(session);

  if (mode === 'rename') {
    return (
      <li class="session editing">
        <form
          onSubmit={async (event) => {
            event.preventDefault();
            if (await onRename(session.id, title)) setMode('view');
          }}
          onKeyDown={(event) => event.key === 'Escape' && setMode('view')}
        >
          <label>
            New title for "{name}"
            <input type="text" required maxLength={200} value={title} onInput={(e) => setTitle(e.currentTarget.value)} ref={titleInput} />
          </label>
          <div class="actions">
            <button type="submit">Save the title</button>
            <button type="button" class="link" onClick={() => setMode('view')}>
              Keep "{name}"
            </button>
          </div>
        </form>
      </li>
    );
  }
  if (mode === 'delete') {
    return (
      <li class="session editing">
        <form
          onSubmit={async (event) => {
            event.preventDefault();
            if (!(await onDelete(session.id, images))) setMode('view');
          }}
        >
          <fieldset>
            <legend>Delete "{name}" and its messages. Its images:</legend>
            <label class="check">
              <input type="radio" name={`images-${session.id}`} checked={images === 'trash'} onChange={() => setImages('trash')} />
              Move to the gallery's trash (restorable)
            </label>
            <label class="check">
              <input type="radio" name={`images-${session.id}`} checked={images === 'keep'} onChange={() => setImages('keep')} />
              Keep in the gallery
            </label>
          </fieldset>
          <div class="actions">
            <button type="submit" class="danger">
              Yes, delete "{name}"
            </button>
            <button type="button" class="link" onClick={() => setMode('view')}>
              Do not delete
            </button>
          </div>
        </form>
      </li>
    );
  }
  return (
    <li class="session">
      <button type="button" class="link" aria-current={current ? 'true' : undefined} onClick={() => onChoose(session.id)}>
        {name}
      </button>
      <span class="session-actions">
        <button
          type="button"
          class="link small"
          aria-label={`Rename "${name}"`}
          onClick={() => {
            setTitle(session.title ?? '');
            setMode('rename');
          }}
        >
          Rename
        </button>
        <button type="button" class="link small" aria-label={`Delete "${name}"`} onClick={() => setMode('delete')}>
          Delete
        </button>
      </span>
    </li>
  );
}
