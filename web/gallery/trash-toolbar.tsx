import { useEffect, useRef, useState } from 'preact/hooks';
import { runBulk, summary, type BulkAction } from './bulk.js';
import type { Notify } from './notify.js';
import { pickedOf, SelectControls, type Selection } from './selection.js';

/**
 * The trash's "Select" mode: restore the picked images, or delete them for good after asking once
 * more (the focus then waits on the answer that loses nothing).
 */
export function TrashToolbar({ selection, shownIds, onDone, notify }: { selection: Selection; shownIds: string[]; onDone: () => void; notify: Notify }) {
  const [confirming, setConfirming] = useState(false);
  const [busy, setBusy] = useState(false);
  const keepButton = useRef<HTMLButtonElement>(null);
  const deleteButton = useRef<HTMLButtonElement>(null);
  const toggle = useRef<HTMLButtonElement>(null);
  const asked = useRef(false);
  // Asked: the focus waits on "Keep them". Kept: back on the button that asked. Deleted: the
  // images and their buttons are gone, so it goes to "Select images", where the toolbar starts.
  useEffect(() => {
    if (confirming) keepButton.current?.focus();
    else if (asked.current) deleteButton.current?.focus();
    asked.current = confirming;
  }, [confirming]);
  const picked = pickedOf(selection, shownIds);
  const none = picked.length === 0 || busy;

  const act = async (action: BulkAction) => {
    asked.current = false;
    setConfirming(false);
    setBusy(true);
    const outcome = await runBulk(action, picked);
    setBusy(false);
    const said = summary(action, outcome);
    if (outcome.failed.length > 0 || outcome.problem) notify.problem(said);
    else notify.status(said);
    onDone();
    if (action === 'purge') toggle.current?.focus();
  };

  return (
    <SelectControls selection={selection} shownIds={shownIds} toggleRef={toggle}>
      <button type="button" disabled={none} onClick={() => act('restore')}>
        Restore selected
      </button>
      {!confirming && (
        <button ref={deleteButton} type="button" class="danger" disabled={none} onClick={() => setConfirming(true)}>
          Delete selected for good
        </button>
      )}
      {confirming && (
        <p class="confirm" role="group" aria-label="Delete the selected images for good?">
          Delete {picked.length} {picked.length === 1 ? 'image' : 'images'} for good? Their files are removed; this cannot be undone.{' '}
          <button type="button" class="danger" onClick={() => act('purge')}>
            Yes, delete them for good
          </button>{' '}
          <button ref={keepButton} type="button" class="secondary" onClick={() => setConfirming(false)}>
            Keep them
          </button>
        </p>
      )}
    </SelectControls>
  );
}
