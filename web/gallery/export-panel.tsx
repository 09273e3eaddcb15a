import { useEffect, useRef, useState } from 'preact/hooks';
import type { components } from '../../client/index.js';
import { api, errorText } from '../api.js';
import { connectExportEvents, isFinal, type ExportEvents, type GalleryExport } from './export-events.js';
import type { Notify } from './notify.js';

type ExportFormat = GalleryExport['format'];
type ExportFilter = components['schemas']['GalleryExportFilter'];

const FORMATS: { value: ExportFormat; text: string }[] = [
  { value: 'zip', text: 'Zip (original files)' },
  { value: 'pdf', text: 'PDF (one image a page)' },
  { value: 'png', text: 'PNG' },
  { value: 'jpg', text: 'JPEG' },
  { value: 'webp', text: 'WebP' },
];

/** How often an unfinished export is asked about while no socket brings its events. */
const POLL_MS = 500;
/** How long the socket may stay silent about a running export before the API is asked once. */
const SILENCE_MS = 10_000;

interface ExportPanelProps {
  /** The grid's filters as an export's `filter`: "Export all matching" (`undefined`: the filters cannot be asked for). */
  filter: ExportFilter | undefined;
  /** The images picked in "Select" mode: "Export selected". */
  selectedIds: string[];
  notify: Notify;
}

/**
 * Exports every image matching the grid's filters (not only the pages loaded), or the picked
 * ones, and follows the export until it can be downloaded: by its `gallery.export.updated`
 * events while the socket is connected, polling every 0.5 s when it is not.
 */
export function ExportPanel({ filter, selectedIds, notify }: ExportPanelProps) {
  const [format, setFormat] = useState<ExportFormat>('zip');
  const [exported, setExported] = useState<GalleryExport>();
  const [live, setLive] = useState(false);
  const events = useRef<ExportEvents>();
  useEffect(() => {
    const connection = connectExportEvents(setLive);
    events.current = connection;
    return () => connection.close();
  }, []);

  const follow = async (first: GalleryExport) => {
    let seen = events.current?.latest(first.id);
    let current = seen ?? first;
    setExported(current);
    while (!isFinal(current)) {
      let next: GalleryExport | undefined;
      if (events.current?.connected) {
        next = await events.current.next(current.id, seen, SILENCE_MS);
        seen = next ?? seen;
      } else {
        await new Promise((resolve) => setTimeout(resolve, POLL_MS));
      }
      if (!next) {
        const asked = await api.GET('/v1/gallery/exports/{id}/', { params: { path: { id: current.id } } });
        if (!asked.data) return notify.problem(errorText(asked.error));
        next = asked.data;
      }
      current = next;
      setExported(current);
    }
  };

  const start = async (selection: { ids: string[] } | { filter: ExportFilter }) => {
    const { data, error } = await api.POST('/v1/gallery/exports/', { body: { ...selection, format } });
    if (!data) return notify.problem(errorText(error));
    await follow(data);
  };

  return (
    <form class="export-panel inline" data-live={live} onSubmit={(event) => event.preventDefault()}>
      <label>
        Export format
        <select value={format} onChange={(e) => setFormat(e.currentTarget.value as ExportFormat)}>
          {FORMATS.map((choice) => (
            <option value={choice.value}>{choice.text}</option>
          ))}
        </select>
      </label>
      <button type="button" disabled={!filter} onClick={() => filter && start({ filter })}>
        Export all matching
      </button>
      {selectedIds.length > 0 && (
        <button type="button" onClick={() => start({ ids: selectedIds })}>
          Export selected ({selectedIds.length})
        </button>
      )}
      {exported && (
        <p class="export" role="status">
          Export ({exported.format}) {exported.status}
          {exported.status !== 'done' && (
            <progress max={exported.progress.total || 1} value={exported.progress.done} aria-label="Export progress" />
          )}{' '}
          (<span data-testid="export-count">{exported.progress.done}/{exported.progress.total}</span>)
          {exported.error && ` · ${exported.error}`}
          {exported.download_url && (
            <>
              {' · '}
              <a href={exported.download_url} data-testid="export-download">
                Download {exported.file_name}
              </a>
            </>
          )}
        </p>
      )}
    </form>
  );
}
