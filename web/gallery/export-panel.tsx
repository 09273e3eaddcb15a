import { useState } from 'preact/hooks';
import type { components } from '../../client/index.js';
import { api, errorText } from '../api.js';
import type { Notify } from './notify.js';

type GalleryExport = components['schemas']['GalleryExport'];
type ExportFormat = GalleryExport['format'];

const FORMATS: { value: ExportFormat; text: string }[] = [
  { value: 'zip', text: 'Zip (original files)' },
  { value: 'pdf', text: 'PDF (one image a page)' },
  { value: 'png', text: 'PNG' },
  { value: 'jpg', text: 'JPEG' },
  { value: 'webp', text: 'WebP' },
];

/** How often an unfinished export is asked about. */
const POLL_MS = 500;

/** Exports the images shown, in the chosen format, and follows the export until it can be downloaded. */
export function ExportPanel({ imageIds, notify }: { imageIds: string[]; notify: Notify }) {
  const [format, setFormat] = useState<ExportFormat>('zip');
  const [exported, setExported] = useState<GalleryExport>();

  // An export is made in the background: ask until it is done (or failed).
  const start = async (event: Event) => {
    event.preventDefault();
    if (imageIds.length === 0) return notify.problem('Nothing to export');
    const { data, error } = await api.POST('/v1/gallery/exports/', { body: { ids: imageIds, format } });
    if (!data) return notify.problem(errorText(error));
    let current = data;
    setExported(current);
    while (current.status === 'queued' || current.status === 'running') {
      await new Promise((resolve) => setTimeout(resolve, POLL_MS));
      const next = await api.GET('/v1/gallery/exports/{id}/', { params: { path: { id: current.id } } });
      if (!next.data) return notify.problem(errorText(next.error));
      current = next.data;
      setExported(current);
    }
  };

  return (
    <form class="export-panel inline" onSubmit={start}>
      <label>
        Export format
        <select value={format} onChange={(e) => setFormat(e.currentTarget.value as ExportFormat)}>
          {FORMATS.map((choice) => (
            <option value={choice.value}>{choice.text}</option>
          ))}
        </select>
      </label>
      <button type="submit">Export the images shown ({imageIds.length})</button>
      {exported && (
        <p class="export" role="status">
          Export ({exported.format}) {exported.status}
          {exported.status !== 'done' && (
            <progress max={exported.progress.total || 1} value={exported.progress.done} aria-label="Export progress" />
          )}{' '}
          ({exported.progress.done}/{exported.progress.total})
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
