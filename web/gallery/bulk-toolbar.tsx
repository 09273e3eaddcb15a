import { useState } from 'preact/hooks';
import type { Album } from './albums.js';
import { runBulk, summary, type BulkAction, type BulkOutcome } from './bulk.js';
import type { Notify } from './notify.js';
import { pickedOf, SelectControls, type Selection } from './selection.js';

interface BulkToolbarProps {
  selection: Selection;
  /** The images the grid shows now ("Select all shown"). */
  shownIds: string[];
  albums: Album[];
  /** The album being viewed, if any: the picks can then be taken out of it. */
  viewedAlbum: Album | undefined;
  /** An action ran (some images may have changed or left the list). */
  onDone: (action: BulkAction, outcome: BulkOutcome) => void;
  notify: Notify;
}

/** The grid's "Select" mode and what can be done to the picked images at once (`POST /v1/gallery/bulk/`). */
export function BulkToolbar({ selection, shownIds, albums, viewedAlbum, onDone, notify }: BulkToolbarProps) {
  const [albumId, setAlbumId] = useState('');
  const [busy, setBusy] = useState(false);
  const picked = pickedOf(selection, shownIds);
  const none = picked.length === 0 || busy;
  const chosenAlbum = albums.find((album) => album.id === albumId) ?? albums[0];

  const act = async (action: BulkAction, album?: Album) => {
    setBusy(true);
    const outcome = await runBulk(action, picked, album?.id);
    setBusy(false);
    const said = summary(action, outcome, album?.name);
    if (outcome.failed.length > 0 || outcome.problem) notify.problem(said);
    else notify.status(said);
    onDone(action, outcome);
  };

  return (
    <SelectControls selection={selection} shownIds={shownIds}>
      <button type="button" disabled={none} onClick={() => act('favorite')}>
        Favorite selected
      </button>
      <button type="button" disabled={none} onClick={() => act('unfavorite')}>
        Unfavorite selected
      </button>
      <button type="button" class="danger" disabled={none} onClick={() => act('delete')}>
        Move selected to the trash
      </button>
      {chosenAlbum && (
        <span class="to-album">
          <label>
            Album for the selected
            <select value={chosenAlbum.id} onChange={(e) => setAlbumId(e.currentTarget.value)}>
              {albums.map((album) => (
                <option value={album.id}>{album.name}</option>
              ))}
            </select>
          </label>
          <button type="button" disabled={none} onClick={() => act('add_to_album', chosenAlbum)}>
            Add selected to the album
          </button>
        </span>
      )}
      {viewedAlbum && (
        <button type="button" disabled={none} onClick={() => act('remove_from_album', viewedAlbum)}>
          Remove selected from "{viewedAlbum.name}"
        </button>
      )}
    </SelectControls>
  );
}
