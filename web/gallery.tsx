import { useEffect, useState } from 'preact/hooks';
import type { GalleryImage } from '../client/index.js';
import { Albums, loadAlbums, type Album } from './gallery/albums.js';
import { ExportPanel } from './gallery/export-panel.js';
import { Filters, NO_FILTERS, type GalleryFilters } from './gallery/filters.js';
import { ImageCard } from './gallery/image-card.js';
import { ImageDetail } from './gallery/image-detail.js';
import type { Notify } from './gallery/notify.js';
import { Trash } from './gallery/trash.js';
import { useGalleryList } from './gallery/use-gallery-list.js';

/**
 * The gallery: a grid with search, filters and paging; albums; an image's details, lineage and
 * share links; export; the trash. Each part is its own file under web/gallery/.
 */
export function Gallery() {
  const [view, setView] = useState<'images' | 'trash'>('images');
  const [filters, setFilters] = useState<GalleryFilters>(NO_FILTERS);
  // A search with the same words still reads the gallery again: the person asked for it.
  const [searches, setSearches] = useState(0);
  const [albums, setAlbums] = useState<Album[]>([]);
  const [opened, setOpened] = useState<string>();
  const [problem, setProblem] = useState('');
  const [status, setStatus] = useState('');
  const notify: Notify = {
    problem: setProblem,
    status: (text) => {
      setProblem('');
      setStatus(text);
    },
  };
  const list = useGalleryList(filters, searches, notify.problem);

  const refreshAlbums = async () => {
    const held = await loadAlbums(notify);
    if (held) setAlbums(held);
  };
  useEffect(() => void refreshAlbums(), []);

  const viewedAlbum = albums.find((album) => album.id === filters.albumId);
  const showAlbum = (albumId: string) => setFilters({ ...filters, albumId });
  const changed = (id: string) => (next: GalleryImage | undefined) =>
    // An image unstarred while only favorites are shown leaves the list, as a reload would show.
    list.replace(id, next && filters.favorite && !next.favorite ? undefined : next);

  return (
    <section aria-labelledby="gallery-title" class="gallery">
      <h2 id="gallery-title">Gallery</h2>
      <div class="tabs" role="group" aria-label="Which images">
        <button
          type="button"
          aria-pressed={view === 'images'}
          onClick={() => {
            setView('images');
            // Back from the trash: a restored image is in the gallery again.
            setSearches((count) => count + 1);
          }}
        >
          Images
        </button>
        <button type="button" aria-pressed={view === 'trash'} onClick={() => setView('trash')}>
          Trash
        </button>
      </div>
      {problem && <p role="alert" class="problem">{problem}</p>}
      <p role="status" class="status">{status}</p>

      {view === 'trash' && <Trash notify={notify} />}
      {view === 'images' && (
        <div class="gallery-layout">
          <Albums albums={albums} viewing={filters.albumId} onView={showAlbum} onChanged={refreshAlbums} notify={notify} />
          <div class="gallery-main">
            <Filters
              filters={filters}
              onChange={setFilters}
              onSearch={(q) => {
                setFilters({ ...filters, q });
                setSearches((count) => count + 1);
              }}
            />
            <ExportPanel imageIds={list.images.map((image) => image.id)} notify={notify} />
            <h3 class="showing">{viewedAlbum ? `Album "${viewedAlbum.name}"` : 'All images'}</h3>
            {list.images.length === 0 && !list.loading && <p class="empty">No images here yet.</p>}
            <ul class="grid" aria-busy={list.loading}>
              {list.images.map((image) => (
                <ImageCard key={image.id} image={image} album={viewedAlbum} onOpen={setOpened} onChanged={changed(image.id)} notify={notify} />
              ))}
            </ul>
            {list.hasMore && (
              <button type="button" disabled={list.loading} onClick={() => void list.loadMore()}>
                Load more images
              </button>
            )}
          </div>
        </div>
      )}

      {opened && (
        <ImageDetail
          key="detail"
          imageId={opened}
          albums={albums}
          onOpen={setOpened}
          onClose={() => setOpened(undefined)}
          onAlbumsChanged={() => {
            void refreshAlbums();
            // The album being viewed may have gained this image.
            if (filters.albumId) setSearches((count) => count + 1);
          }}
        />
      )}
    </section>
  );
}
