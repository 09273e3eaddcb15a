import { useState } from 'preact/hooks';
import type { components, paths } from '../../client/index.js';

type ListQuery = NonNullable<paths['/v1/gallery/']['get']['parameters']['query']>;
type ExportFilter = components['schemas']['GalleryExportFilter'];

/** What the grid shows: every filter of `GET /v1/gallery/` the screen offers, as the form holds it. */
export interface GalleryFilters {
  q: string;
  favorite: boolean;
  intent: '' | 'generate' | 'edit' | 'enhance';
  nsfw: '' | 'true' | 'false';
  /** Exactly this provider / model ('' for any), as the image's details name it. */
  provider: string;
  model: string;
  /** Dates as `<input type="date">` gives them (`YYYY-MM-DD`, the user's own days), or ''. */
  madeFrom: string;
  madeUntil: string;
  sort: 'newest' | 'oldest';
  /** '' for the whole gallery, else the album being viewed. */
  albumId: string;
  pageSize: number;
}

export const NO_FILTERS: GalleryFilters = { q: '', favorite: false, intent: '', nsfw: '', provider: '', model: '', madeFrom: '', madeUntil: '', sort: 'newest', albumId: '', pageSize: 24 };

export const PAGE_SIZES = [12, 24, 60, 100] as const;

/** A local calendar day's first instant, `days` later, as the API's ISO instant. */
function startOfDay(date: string, days = 0): string {
  const day = new Date(`${date}T00:00:00`);
  day.setDate(day.getDate() + days);
  return day.toISOString();
}

/** Why the day range cannot be asked for (the API refuses it), or '' when it can. */
export function rangeProblem(filters: GalleryFilters): string {
  return filters.madeFrom && filters.madeUntil && filters.madeFrom > filters.madeUntil ? '"Made from" must be on or before "Made until".' : '';
}

/** The list's query for `filters` (a blank field is no filter). "Until" a day includes that day. */
export function listQuery(filters: GalleryFilters): ListQuery {
  const q = filters.q.trim();
  const provider = filters.provider.trim();
  const model = filters.model.trim();
  return {
    limit: filters.pageSize,
    sort: filters.sort,
    ...(q && { q }),
    ...(filters.favorite && { favorite: 'true' as const }),
    ...(filters.intent && { intent: filters.intent }),
    ...(filters.nsfw && { is_nsfw: filters.nsfw }),
    ...(provider && { provider }),
    ...(model && { model }),
    ...(filters.madeFrom && { created_after: startOfDay(filters.madeFrom) }),
    ...(filters.madeUntil && { created_before: startOfDay(filters.madeUntil, 1) }),
    ...(filters.albumId && { album_id: filters.albumId }),
  };
}

/**
 * The same selection as an export's `filter` (the list's query without paging and order, its
 * flags as booleans): "Export all matching" exports every image the grid would page through.
 */
export function exportFilter(filters: GalleryFilters): ExportFilter {
  const { limit: _limit, sort: _sort, favorite, is_nsfw: nsfw, ...rest } = listQuery(filters);
  return { ...rest, ...(favorite && { favorite: favorite === 'true' }), ...(nsfw && { is_nsfw: nsfw === 'true' }) };
}

/**
 * A free-text filter (provider, model): applied when the field is left or Enter is pressed, not at
 * every key, so a half-typed name never reads the gallery.
 */
function TextFilter({ label, value, onApply }: { label: string; value: string; onApply: (value: string) => void }) {
  const [text, setText] = useState(value);
  return (
    <label>
      {label}
      <input type="text" value={text} placeholder="Any" maxLength={200} onInput={(e) => setText(e.currentTarget.value)} onChange={(e) => onApply(e.currentTarget.value)} />
    </label>
  );
}

/**
 * The search box and the filters. The words apply when the form is sent ("Search"); every other
 * control applies at once, as a person changing a select expects.
 */
export function Filters({ filters, onChange, onSearch }: { filters: GalleryFilters; onChange: (next: GalleryFilters) => void; onSearch: (q: string) => void }) {
  const [words, setWords] = useState(filters.q);
  const badRange = rangeProblem(filters);
  const set = <K extends keyof GalleryFilters>(key: K, value: GalleryFilters[K]) => onChange({ ...filters, [key]: value });
  return (
    <form
      class="search"
      role="search"
      onSubmit={(event) => {
        event.preventDefault();
        onSearch(words);
      }}
    >
      <label class="words">
        Search prompts
        <input type="search" name="q" value={words} onInput={(e) => setWords(e.currentTarget.value)} />
      </label>
      <button type="submit">Search</button>
      <fieldset class="filters">
        <legend>Filters</legend>
        <label>
          Intent
          <select value={filters.intent} onChange={(e) => set('intent', e.currentTarget.value as GalleryFilters['intent'])}>
            <option value="">Any</option>
            <option value="generate">Generated</option>
            <option value="edit">Edited</option>
            <option value="enhance">Enhanced</option>
          </select>
        </label>
        <label>
          Content
          <select value={filters.nsfw} onChange={(e) => set('nsfw', e.currentTarget.value as GalleryFilters['nsfw'])}>
            <option value="">Everything</option>
            <option value="false">Safe for work only</option>
            <option value="true">Flagged NSFW only</option>
          </select>
        </label>
        <TextFilter label="Provider" value={filters.provider} onApply={(value) => set('provider', value)} />
        <TextFilter label="Model" value={filters.model} onApply={(value) => set('model', value)} />
        <label>
          Made from
          <input type="date" value={filters.madeFrom} max={filters.madeUntil || undefined} onChange={(e) => set('madeFrom', e.currentTarget.value)} />
        </label>
        <label>
          Made until
          <input type="date" value={filters.madeUntil} min={filters.madeFrom || undefined} onChange={(e) => set('madeUntil', e.currentTarget.value)} />
        </label>
        <label>
          Order
          <select value={filters.sort} onChange={(e) => set('sort', e.currentTarget.value as GalleryFilters['sort'])}>
            <option value="newest">Newest first</option>
            <option value="oldest">Oldest first</option>
          </select>
        </label>
        <label>
          Per page
          <select value={filters.pageSize} onChange={(e) => set('pageSize', Number(e.currentTarget.value))}>
            {PAGE_SIZES.map((size) => (
              <option value={size}>{size}</option>
            ))}
          </select>
        </label>
        {badRange && (
          <p role="alert" class="problem range">
            {badRange}
          </p>
        )}
        <label class="check">
          <input type="checkbox" checked={filters.favorite} onChange={(e) => set('favorite', e.currentTarget.checked)} />
          Favorites only
        </label>
      </fieldset>
    </form>
  );
}
