import { writeFile } from 'node:fs/promises';
import type { GalleryImage } from '../client/index.js';
import { CliError, dataOf, EXIT, type Output } from './output.js';
import { download, signedIn } from './session.js';

/** `atelier gallery …`: list, show, trash, restore and export the user's images. */

function line(image: GalleryImage): string {
  return `${image.id}  ${image.created_at.slice(0, 19).replace('T', ' ')}  ${image.width}×${image.height}  ${image.prompt.slice(0, 60)}`;
}

export async function listGallery(options: { q?: string; limit?: string; trash?: boolean }, output: Output, env: NodeJS.ProcessEnv): Promise<void> {
  const { client } = await signedIn(env);
  const limit = options.limit === undefined ? undefined : Number(options.limit);
  if (limit !== undefined && !(Number.isInteger(limit) && limit > 0)) throw new CliError('--limit must be a whole number', EXIT.usage);
  const page = options.trash
    ? dataOf(await client.GET('/v1/gallery/deleted/', { params: { query: { ...(limit && { limit }) } } }))
    : dataOf(await client.GET('/v1/gallery/', { params: { query: { ...(limit && { limit }), ...(options.q && { q: options.q }) } } }));
  output.result(page, () => (page.data.length ? page.data.map(line) : ['(no images)']));
}

export async function getImage(id: string, options: { out?: string }, output: Output, env: NodeJS.ProcessEnv): Promise<void> {
  const { client } = await signedIn(env);
  const image = dataOf(await client.GET('/v1/gallery/{id}/', { params: { path: { id } } }));
  if (options.out !== undefined) {
    if (!image.url) throw new CliError('this image has no file to download', EXIT.failed);
    await writeFile(options.out, await download(image.url));
  }
  output.result({ image, ...(options.out && { file: options.out }) }, () => [
    line(image),
    `  refined: ${image.refined_prompt ?? '-'}`,
    `  ${image.provider} ${image.model ?? ''} seed ${image.seed ?? '-'}${options.out ? `\n  saved ${options.out}` : ''}`,
  ]);
}

export async function removeImage(id: string, options: { permanent?: boolean }, output: Output, env: NodeJS.ProcessEnv): Promise<void> {
  const { client } = await signedIn(env);
  if (options.permanent) {
    const answer = await client.DELETE('/v1/gallery/{id}/permanent/', { params: { path: { id } } });
    if (!answer.response.ok) dataOf(answer);
    output.result({ id, deleted: 'permanently' }, () => [`deleted ${id} for good`]);
    return;
  }
  const image = dataOf(await client.DELETE('/v1/gallery/{id}/', { params: { path: { id } } }));
  output.result(image, () => [`moved ${id} to the trash (atelier gallery restore ${id} brings it back)`]);
}

export async function restoreImage(id: string, output: Output, env: NodeJS.ProcessEnv): Promise<void> {
  const { client } = await signedIn(env);
  const image = dataOf(await client.POST('/v1/gallery/{id}/restore/', { params: { path: { id } } }));
  output.result(image, () => [`restored ${id}`]);
}

const EXPORT_FORMATS = ['png', 'jpg', 'webp', 'pdf', 'zip'] as const;

/** `atelier gallery export`: ask for an export (ids, or a search), wait for it, download it. */
export async function exportImages(
  ids: string[],
  options: { format: string; q?: string; out?: string },
  output: Output,
  env: NodeJS.ProcessEnv,
): Promise<void> {
  const { client } = await signedIn(env);
  const format = EXPORT_FORMATS.find((known) => known === options.format);
  if (!format) throw new CliError(`--format must be one of ${EXPORT_FORMATS.join(', ')}`, EXIT.usage);
  if (ids.length === 0 && options.q === undefined) throw new CliError('name image ids, or --q to export what a search finds', EXIT.usage);
  const asked = dataOf(
    await client.POST('/v1/gallery/exports/', { body: ids.length ? { ids, format } : { filter: { q: options.q }, format } }),
  );
  let current = asked;
  // The export is built in the background; its status is polled (a second apart: exports take seconds).
  while (current.status === 'queued' || current.status === 'running') {
    await new Promise((resolve) => setTimeout(resolve, 1000));
    current = dataOf(await client.GET('/v1/gallery/exports/{id}/', { params: { path: { id: asked.id } } }));
    if (!output.json) output.note(`export ${current.status} ${current.progress.done}/${current.progress.total}`);
  }
  if (current.status !== 'done' || !current.download_url) throw new CliError(`the export ended ${current.status}`, EXIT.failed, current);
  const file = options.out ?? current.file_name ?? `${current.id}.${format}`;
  await writeFile(file, await download(current.download_url));
  output.result({ export: current, file }, () => [`saved ${file}`]);
}
