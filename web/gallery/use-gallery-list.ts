import { useEffect, useRef, useState } from 'preact/hooks';
import type { GalleryImage } from '../../client/index.js';
import { api, errorText } from '../api.js';
import { listQuery, rangeProblem, type GalleryFilters } from './filters.js';

/** `held` then those of `page` it does not hold yet: a page that overlaps never shows an image twice. */
export function appendNew<T extends { id: string }>(held: T[], page: T[]): T[] {
  const seen = new Set(held.map((image) => image.id));
  return [...held, ...page.filter((image) => !seen.has(image.id))];
}

/**
 * The gallery's images for `filters`, a page at a time (`next_cursor`). A change of filters (or
 * `reloads`) starts again from the first page; an answer to an older request is dropped, so a slow
 * page of the previous filters never lands in the new list.
 */
export function useGalleryList(filters: GalleryFilters, reloads: number, onProblem: (text: string) => void) {
  const [images, setImages] = useState<GalleryImage[]>([]);
  const [cursor, setCursor] = useState<string | null>(null);
  const [loading, setLoading] = useState(false);
  const request = useRef(0);

  const fetchPage = async (after: string | null) => {
    const mine = ++request.current;
    setLoading(true);
    const { data, error } = await api.GET('/v1/gallery/', { params: { query: { ...listQuery(filters), ...(after && { cursor: after }) } } });
    if (mine !== request.current) return;
    setLoading(false);
    if (!data) return onProblem(errorText(error));
    setImages((held) => (after ? appendNew(held, data.data) : data.data));
    setCursor(data.next_cursor);
  };

  useEffect(() => {
    // A range the API would refuse is not asked for: the form says what is wrong with it.
    if (!rangeProblem(filters)) void fetchPage(null);
  }, [JSON.stringify(filters), reloads]);

  return {
    images,
    loading,
    hasMore: cursor !== null,
    loadMore: () => fetchPage(cursor),
    /** Puts a changed image in place (or takes it out: `undefined`), without reading the pages again. */
    replace: (id: string, next: GalleryImage | undefined) =>
      setImages((held) => (next ? held.map((image) => (image.id === id ? next : image)) : held.filter((image) => image.id !== id))),
  };
}
