import { useEffect, useRef, useState } from 'preact/hooks';
import type { components } from '../../client/index.js';
import { api, errorText } from '../api.js';
import type { Notify } from './notify.js';

export type Album = components['schemas']['Album'];

/** The caller's albums (the first 100: more than a side list can usefully show), newest first. */
export async function loadAlbums(notify: Notify): Promise<Album[] | undefined> {
  const { data, error } = await api.GET('/v1/gallery/albums/', { params: { query: { limit: 100 } } });
  if (!data) notify.problem(errorText(error));
  return data?.data;
}

interface AlbumsProps {
  albums: Album[];
  /** The album being viewed, or '' for the whole gallery. */
  viewing: string;
  onView: (albumId: string) => void;
  onChanged: () => void;
  notify: Notify;
}

/** Make, rename, delete and open albums. Deleting one keeps its images in the gallery. */
export function Albums({ albums, viewing, onView, onChanged, notify }: AlbumsProps) {
  const [name, setName] = useState('');

  const create = async (event: Event) => {
    event.preventDefault();
    const { data, error } = await api.POST('/v1/gallery/albums/', { body: { name } });
    if (!data) return notify.problem(errorText(error));
    setName('');
    notify.status(`Album "${data.name}" created`);
    onChanged();
  };

  return (
    <section class="albums" aria-labelledby="albums-title">
      <h3 id="albums-title">Albums</h3>
      <form class="inline" onSubmit={create}>
        <label>
          New album name
          <input value={name} required maxLength={200} onInput={(e) => setName(e.currentTarget.value)} />
        </label>
        <button type="submit">Create album</button>
      </form>
      <ul>
        <li>
          <button type="button" class="link" aria-pressed={viewing === ''} onClick={() => onView('')}>
            All images
          </button>
        </li>
        {albums.map((album) => (
          <AlbumRow key={album.id} album={album} viewing={viewing === album.id} onView={onView} onChanged={onChanged} notify={notify} />
        ))}
      </ul>
    </section>
  );
}

function AlbumRow({ album, viewing, onView, onChanged, notify }: { album: Album; viewing: boolean } & Omit<AlbumsProps, 'albums' | 'viewing'>) {
  const [mode, setMode] = useState<'show' | 'rename' | 'confirm-delete'>('show');
  const [name, setName] = useState(album.name);
  const nameInput = useRef<HTMLInputElement>(null);
  const viewButton = useRef<HTMLButtonElement>(null);
  const keepButton = useRef<HTMLButtonElement>(null);
  const opened = useRef(false);
  // The rename field takes the focus it was opened for; Save or Cancel gives it back to the album
  // (the form that held it is gone), as does "Keep it". Asked to confirm a delete, the focus is
  // on the answer that loses nothing.
  useEffect(() => {
    if (mode === 'rename') nameInput.current?.focus();
    else if (mode === 'confirm-delete') keepButton.current?.focus();
    else if (mode === 'show' && opened.current) viewButton.current?.focus();
    opened.current = mode !== 'show';
  }, [mode]);
  const path = { params: { path: { album_id: album.id } } };

  const rename = async (event: Event) => {
    event.preventDefault();
    const { data, error } = await api.PATCH('/v1/gallery/albums/{album_id}/', { ...path, body: { name } });
    if (!data) return notify.problem(errorText(error));
    setMode('show');
    notify.status(`Album renamed to "${data.name}"`);
    onChanged();
  };
  const remove = async () => {
    const { error, response } = await api.DELETE('/v1/gallery/albums/{album_id}/', path);
    if (!response.ok) return notify.problem(errorText(error));
    notify.status(`Album "${album.name}" deleted; its images are still in the gallery`);
    if (viewing) onView('');
    onChanged();
  };

  return (
    <li class="album">
      <button ref={viewButton} type="button" class="link" aria-pressed={viewing} aria-label={`View album "${album.name}"`} onClick={() => onView(album.id)}>
        {album.name} <span class="count">({album.image_count})</span>
      </button>
      {mode === 'show' && (
        <span class="actions">
          <button type="button" class="small" aria-label={`Rename album "${album.name}"`} onClick={() => setMode('rename')}>
            Rename
          </button>
          <button type="button" class="small" aria-label={`Delete album "${album.name}"`} onClick={() => setMode('confirm-delete')}>
            Delete
          </button>
        </span>
      )}
      {mode === 'rename' && (
        <form class="inline" onSubmit={rename}>
          <label>
            New name for "{album.name}"
            <input ref={nameInput} value={name} required maxLength={200} onInput={(e) => setName(e.currentTarget.value)} />
          </label>
          <button type="submit">Save name</button>
          <button type="button" class="secondary" onClick={() => setMode('show')}>
            Cancel
          </button>
        </form>
      )}
      {mode === 'confirm-delete' && (
        <p class="confirm" role="group" aria-label={`Delete album "${album.name}"?`}>
          Delete "{album.name}"? Its images stay in the gallery.{' '}
          <button type="button" class="danger" onClick={remove}>
            Yes, delete the album
          </button>{' '}
          <button ref={keepButton} type="button" class="secondary" onClick={() => setMode('show')}>
            Keep it
          </button>
        </p>
      )}
    </li>
  );
}
