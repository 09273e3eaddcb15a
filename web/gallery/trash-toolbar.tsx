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
  useEffect(() => {
    if (confirming) keepButton.current?.focus();
  }, [confirming]);
  const picked = pickedOf(selection, shownIds);
  const none = picked.length === 0 || busy;

  const act = async (action: BulkAction) => {
    setConfirming(false);
    setBusy(true);
    const outcome = await runBulk(action, picked);
    setBusy(false);
    const said = summary(action, outcome);
    if (outcome.failed.length > 0 || outcome.problem) notify.problem(said);
    else notify.status(said);
    onDone();
  };

  return (
    <SelectControls selection={selection} shownIds={shownIds}>
      <button type="button" disabled={none} onClick={() => act('restore')}>
        Restore selected
      </button>
      {!confirming && (
        <button type="button" class="danger" disabled={none} onClick={() => setConfirming(true)}>
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
