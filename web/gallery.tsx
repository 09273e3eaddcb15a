import { useEffect, useState } from 'preact/hooks';
import type { GalleryImage, components } from '../client/index.js';
import { api, errorText } from './api.js';

type TrashedImage = components['schemas']['TrashedImage'];
type GalleryExport = components['schemas']['GalleryExport'];

/** The gallery: a grid with search and the favorites filter, share links, the trash, export. */
export function Gallery() {
  const [view, setView] = useState<'images' | 'trash'>('images');
  const [query, setQuery] = useState('');
  const [favorites, setFavorites] = useState(false);
  const [images, setImages] = useState<GalleryImage[]>([]);
  const [trash, setTrash] = useState<TrashedImage[]>([]);
  const [links, setLinks] = useState<Record<string, string>>({});
  const [exported, setExported] = useState<GalleryExport>();
  const [problem, setProblem] = useState('');
  const [status, setStatus] = useState('');

  const load = async () => {
    setProblem('');
    if (view === 'trash') {
      const { data, error } = await api.GET('/v1/gallery/deleted/');
      if (data) setTrash(data.data);
      else setProblem(errorText(error));
      return;
    }
    const { data, error } = await api.GET('/v1/gallery/', {
      params: { query: { limit: 60, ...(query.trim() && { q: query.trim() }), ...(favorites && { favorite: 'true' as const }) } },
    });
    if (data) setImages(data.data);
    else setProblem(errorText(error));
  };
  useEffect(() => void load(), [view, favorites]);

  const done = async (result: Promise<{ error?: unknown; response: Response }>, said: string) => {
    const { error, response } = await result;
    if (!response.ok) return setProblem(errorText(error));
    setStatus(said);
    await load();
  };
  const id = (image: GalleryImage) => ({ params: { path: { id: image.id } } });

  const share = async (image: GalleryImage) => {
    const { data, error } = await api.POST('/v1/gallery/{id}/shares/', { ...id(image), body: {} });
    if (data) setLinks((held) => ({ ...held, [image.id]: data.url }));
    else setProblem(errorText(error));
  };

  // An export is made in the background: ask until it is done (or failed).
  const exportAll = async () => {
    const ids = images.map((image) => image.id);
    if (ids.length === 0) return setProblem('Nothing to export');
    const { data, error } = await api.POST('/v1/gallery/exports/', { body: { ids, format: 'zip' } });
    if (!data) return setProblem(errorText(error));
    let current = data;
    setExported(current);
    while (current.status === 'queued' || current.status === 'running') {
      await new Promise((resolve) => setTimeout(resolve, 500));
      const next = await api.GET('/v1/gallery/exports/{id}/', { params: { path: { id: current.id } } });
      if (!next.data) return setProblem(errorText(next.error));
      current = next.data;
      setExported(current);
    }
  };

  return (
    <section aria-labelledby="gallery-title">
      <h2 id="gallery-title">Gallery</h2>
      <div class="tabs" role="group" aria-label="Which images">
        <button type="button" aria-pressed={view === 'images'} onClick={() => setView('images')}>
          Images
        </button>
        <button type="button" aria-pressed={view === 'trash'} onClick={() => setView('trash')}>
          Trash
        </button>
      </div>
      {problem && <p role="alert" class="problem">{problem}</p>}
      <p role="status" class="status">{status}</p>

      {view === 'images' && (
        <>
          <form
            class="search"
            role="search"
            onSubmit={(event) => {
              event.preventDefault();
              void load();
            }}
          >
            <label>
              Search prompts
              <input type="search" name="q" value={query} onInput={(e) => setQuery(e.currentTarget.value)} />
            </label>
            <button type="submit">Search</button>
            <label class="check">
              <input type="checkbox" checked={favorites} onChange={(e) => setFavorites(e.currentTarget.checked)} />
              Favorites only
            </label>
            <button type="button" onClick={exportAll}>
              Export as zip
            </button>
          </form>
          {exported && (
            <p class="export" role="status">
              Export {exported.status} ({exported.progress.done}/{exported.progress.total})
              {exported.download_url && (
                <>
                  {' · '}
                  <a href={exported.download_url}>Download {exported.file_name}</a>
                </>
              )}
            </p>
          )}
          {images.length === 0 && <p class="empty">No images here yet.</p>}
          <ul class="grid">
            {images.map((image) => (
              <li key={image.id} class="card">
                <a href={image.url} target="_blank" rel="noopener">
                  <img src={image.thumbnail_url ?? image.url} alt={image.prompt} width={256} height={256} loading="lazy" />
                </a>
                <p class="caption">{image.prompt}</p>
                <div class="actions">
                  <button
                    type="button"
                    aria-pressed={image.favorite}
                    aria-label={`${image.favorite ? 'Unfavorite' : 'Favorite'} "${image.prompt}"`}
                    onClick={() =>
                      done(
                        image.favorite ? api.DELETE('/v1/gallery/{id}/favorite/', id(image)) : api.PUT('/v1/gallery/{id}/favorite/', id(image)),
                        image.favorite ? 'Removed from favorites' : 'Added to favorites',
                      )
                    }
                  >
                    {image.favorite ? '★' : '☆'}
                  </button>
                  <button type="button" aria-label={`Share "${image.prompt}"`} onClick={() => share(image)}>
                    Share
                  </button>
                  <button type="button" aria-label={`Move "${image.prompt}" to the trash`} onClick={() => done(api.DELETE('/v1/gallery/{id}/', id(image)), 'Moved to the trash')}>
                    Trash
                  </button>
                </div>
                {links[image.id] && (
                  <p class="share">
                    Link: <a href={links[image.id]} data-testid="share-link">{links[image.id]}</a>
                  </p>
                )}
              </li>
            ))}
          </ul>
        </>
      )}

      {view === 'trash' && (
        <>
          <button type="button" disabled={trash.length === 0} onClick={() => done(api.DELETE('/v1/gallery/deleted/'), 'Trash emptied')}>
            Empty the trash
          </button>
          {trash.length === 0 && <p class="empty">The trash is empty.</p>}
          <ul class="grid">
            {trash.map((image) => (
              <li key={image.id} class="card">
                <img src={image.thumbnail_url ?? image.url} alt={image.prompt} width={256} height={256} loading="lazy" />
                <p class="caption">{image.prompt}</p>
                <p class="purge">Deleted for good on {new Date(image.purge_at).toLocaleDateString()}</p>
                <button type="button" aria-label={`Restore "${image.prompt}"`} onClick={() => done(api.POST('/v1/gallery/{id}/restore/', id(image)), 'Restored')}>
                  Restore
                </button>
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}
