import { useEffect, useRef, useState } from 'preact/hooks';
import type { GalleryImage } from '../client/index.js';
import { Albums, loadAlbums, type Album } from './gallery/albums.js';
import { BulkToolbar } from './gallery/bulk-toolbar.js';
import { ExportPanel } from './gallery/export-panel.js';
import { exportFilter, Filters, NO_FILTERS, rangeProblem, type GalleryFilters } from './gallery/filters.js';
import { ImageCard } from './gallery/image-card.js';
import { ImageDetail } from './gallery/image-detail.js';
import type { Notify } from './gallery/notify.js';
import { RecallPanel } from './gallery/recall-panel.js';
import { pickedOf, useSelection } from './gallery/selection.js';
import { Trash } from './gallery/trash.js';
import { useGalleryList } from './gallery/use-gallery-list.js';

/** `#/gallery/<id>`: an image's details, in the address so Back closes them and the link reopens them. */
const DETAIL_HASH = /^#\/gallery\/([0-9a-f-]{36})$/i;
const imageInAddress = () => DETAIL_HASH.exec(location.hash)?.[1];

/**
 * The gallery: a grid with search, filters and paging; "Select" mode and bulk actions; albums; an
 * image's details (at `#/gallery/<id>`), lineage and share links; export; recall from a file; the
 * trash. Each part is its own file under web/gallery/.
 */
export function Gallery() {
  const [view, setView] = useState<'images' | 'trash'>('images');
  const [filters, setFilters] = useState<GalleryFilters>(NO_FILTERS);
  // A search with the same words still reads the gallery again: the person asked for it.
  const [searches, setSearches] = useState(0);
  const [albums, setAlbums] = useState<Album[]>([]);
  const [opened, setOpened] = useState<string | undefined>(imageInAddress);
  // Whether this page put the details in the history (then closing them is going back).
  const pushedDetail = useRef(false);
  const [problem, setProblem] = useState('');
  const [status, setStatus] = useState('');
  const selection = useSelection();
  const notify: Notify = {
    problem: (text) => {
      setStatus('');
      setProblem(text);
    },
    status: (text) => {
      setProblem('');
      setStatus(text);
    },
  };
  const list = useGalleryList(filters, searches, notify.problem);
  const reload = () => setSearches((count) => count + 1);

  const refreshAlbums = async () => {
    const held = await loadAlbums(notify);
    if (held) setAlbums(held);
  };
  useEffect(() => void refreshAlbums(), []);
  useEffect(() => {
    const onHash = () => {
      const id = imageInAddress();
      if (!id) pushedDetail.current = false;
      setOpened(id);
    };
    addEventListener('hashchange', onHash);
    return () => removeEventListener('hashchange', onHash);
  }, []);

  const openDetail = (id: string) => {
    pushedDetail.current = true;
    location.hash = `#/gallery/${id}`;
  };
  // A step of the lineage replaces the address: Back still closes the details in one press.
  const openInPlace = (id: string) => {
    history.replaceState(history.state, '', `#/gallery/${id}`);
    setOpened(id);
  };
  const closeDetail = () => {
    // Closed because the address moved on (Back): nothing more to do.
    if (!imageInAddress()) return setOpened(undefined);
    if (pushedDetail.current) return history.back();
    // Opened from a link: there is nothing of ours to go back to.
    history.replaceState(history.state, '', '#/gallery');
    setOpened(undefined);
  };

  const viewedAlbum = albums.find((album) => album.id === filters.albumId);
  const showAlbum = (albumId: string) => setFilters({ ...filters, albumId });
  const changed = (id: string) => (next: GalleryImage | undefined) =>
    // An image unstarred while only favorites are shown leaves the list, as a reload would show.
    list.replace(id, next && filters.favorite && !next.favorite ? undefined : next);
  const shownIds = list.images.map((image) => image.id);

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
            reload();
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
                // Enter in a text filter applies it and sends the form in the same moment: build on
                // the filters as they are then, not as this render saw them.
                setFilters((held) => ({ ...held, q }));
                reload();
              }}
            />
            <ExportPanel filter={rangeProblem(filters) ? undefined : exportFilter(filters)} selectedIds={pickedOf(selection, shownIds)} notify={notify} />
            <RecallPanel />
            <h3 class="showing">{viewedAlbum ? `Album "${viewedAlbum.name}"` : 'All images'}</h3>
            <BulkToolbar
              selection={selection}
              shownIds={shownIds}
              albums={albums}
              viewedAlbum={viewedAlbum}
              onDone={(action) => {
                reload();
                if (action === 'add_to_album' || action === 'remove_from_album') void refreshAlbums();
              }}
              notify={notify}
            />
            {list.images.length === 0 && !list.loading && <p class="empty">No images here yet.</p>}
            <ul class="grid" aria-busy={list.loading}>
              {list.images.map((image) => (
                <ImageCard
                  key={image.id}
                  image={image}
                  album={viewedAlbum}
                  onOpen={openDetail}
                  onChanged={changed(image.id)}
                  notify={notify}
                  pick={selection.active ? { picked: selection.ids.has(image.id), onPick: (picked) => selection.toggle(image.id, picked) } : undefined}
                />
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
          onOpen={openInPlace}
          onClose={closeDetail}
          onAlbumsChanged={() => {
            void refreshAlbums();
            // The album being viewed may have gained this image.
            if (filters.albumId) reload();
          }}
        />
      )}
    </section>
  );
}
