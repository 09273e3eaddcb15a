import type { ComponentChildren, Ref } from 'preact';
import { useState } from 'preact/hooks';

/** Which images are picked for a bulk action, and whether the grid is in "Select" mode at all. */
export interface Selection {
  active: boolean;
  ids: ReadonlySet<string>;
  /** Enters or leaves "Select" mode; leaving it forgets the picks, so none acts unseen. */
  setActive(active: boolean): void;
  toggle(id: string, picked: boolean): void;
  pickAll(ids: string[]): void;
  /** Forgets `ids` (those an action is done with), or every pick. */
  forget(ids?: string[]): void;
}

export function useSelection(): Selection {
  const [active, setActiveState] = useState(false);
  const [ids, setIds] = useState<ReadonlySet<string>>(new Set());
  return {
    active,
    ids,
    setActive: (next) => {
      setActiveState(next);
      if (!next) setIds(new Set());
    },
    toggle: (id, picked) =>
      setIds((held) => {
        const next = new Set(held);
        if (picked) next.add(id);
        else next.delete(id);
        return next;
      }),
    pickAll: (all) => setIds((held) => new Set([...held, ...all])),
    forget: (done) => setIds((held) => (done ? new Set([...held].filter((id) => !done.includes(id))) : new Set())),
  };
}

/** The picked images among those shown: a pick the filters now hide is never acted on unseen. */
export function pickedOf(selection: Selection, shownIds: string[]): string[] {
  return shownIds.filter((id) => selection.ids.has(id));
}

/** The checkbox a card shows in "Select" mode, named for its image. */
export function PickBox({ prompt, picked, onPick }: { prompt: string; picked: boolean; onPick: (picked: boolean) => void }) {
  return (
    <label class="check pick">
      <input type="checkbox" checked={picked} aria-label={`Select "${prompt}"`} onChange={(e) => onPick(e.currentTarget.checked)} />
      Select
    </label>
  );
}

/**
 * "Select images" (a toggle), and in "Select" mode: how many are picked, "Select all shown" and
 * "Clear selection". The actions on the picks are the caller's (`children`).
 */
export function SelectControls({ selection, shownIds, toggleRef, children }: { selection: Selection; shownIds: string[]; toggleRef?: Ref<HTMLButtonElement>; children?: ComponentChildren }) {
  const count = pickedOf(selection, shownIds).length;
  return (
    <div class="bulk" role="group" aria-label="Select images">
      <button ref={toggleRef} type="button" class="secondary" aria-pressed={selection.active} onClick={() => selection.setActive(!selection.active)}>
        Select images
      </button>
      {selection.active && (
        <>
          <button type="button" class="secondary" disabled={shownIds.length === 0} onClick={() => selection.pickAll(shownIds)}>
            Select all shown ({shownIds.length})
          </button>
          <button type="button" class="secondary" disabled={count === 0} onClick={() => selection.forget()}>
            Clear selection
          </button>
          <span class="picked">{count} selected</span>
          {children}
        </>
      )}
    </div>
  );
}
