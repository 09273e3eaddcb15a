import { useEffect, useState } from 'preact/hooks';
import type { components } from '../../client/index.js';
import { api, errorText } from '../api.js';
import type { Notify } from './notify.js';
import { PickBox, useSelection } from './selection.js';
import { TrashToolbar } from './trash-toolbar.js';
import { appendNew } from './use-gallery-list.js';

type TrashedImage = components['schemas']['TrashedImage'];

const TRASH_PAGE = 60;

/**
 * The trash: each image with the day it will be deleted for good, Restore, and Empty the trash;
 * in "Select" mode, restore or delete for good the picked images at once.
 */
export function Trash({ notify }: { notify: Notify }) {
  const [trash, setTrash] = useState<TrashedImage[]>([]);
  const [cursor, setCursor] = useState<string | null>(null);
  const selection = useSelection();

  /** The first page (`after` null), or the page after `after`, added to those shown. */
  const load = async (after: string | null = null) => {
    const { data, error } = await api.GET('/v1/gallery/deleted/', { params: { query: { limit: TRASH_PAGE, ...(after && { cursor: after }) } } });
    if (!data) return notify.problem(errorText(error));
    setTrash((held) => (after ? appendNew(held, data.data) : data.data));
    setCursor(data.next_cursor);
  };
  useEffect(() => void load(), []);

  const done = async (result: Promise<{ error?: unknown; response: Response }>, said: string) => {
    const { error, response } = await result;
    if (!response.ok) return notify.problem(errorText(error));
    notify.status(said);
    await load();
  };

  return (
    <>
      <button type="button" disabled={trash.length === 0} onClick={() => done(api.DELETE('/v1/gallery/deleted/'), 'Trash emptied')}>
        Empty the trash
      </button>
      <TrashToolbar selection={selection} shownIds={trash.map((image) => image.id)} onDone={() => void load()} notify={notify} />
      {trash.length === 0 && <p class="empty">The trash is empty.</p>}
      <ul class="grid">
        {trash.map((image) => (
          <li key={image.id} class={selection.ids.has(image.id) ? 'card picked' : 'card'}>
            {selection.active && <PickBox prompt={image.prompt} picked={selection.ids.has(image.id)} onPick={(picked) => selection.toggle(image.id, picked)} />}
            <img src={image.thumbnail_url ?? image.url} alt={image.prompt} width={256} height={256} loading="lazy" />
            <p class="caption">{image.prompt}</p>
            <p class="purge">Deleted for good on {new Date(image.purge_at).toLocaleDateString()}</p>
            <button
              type="button"
              aria-label={`Restore "${image.prompt}"`}
              onClick={() => done(api.POST('/v1/gallery/{id}/restore/', { params: { path: { id: image.id } } }), 'Restored')}
            >
              Restore
            </button>
          </li>
        ))}
      </ul>
      {cursor !== null && (
        <button type="button" onClick={() => void load(cursor)}>
          Load more from the trash
        </button>
      )}
    </>
  );
}
