import { useEffect, useRef, useState } from 'preact/hooks';
import type { GalleryImage, components } from '../../client/index.js';
import { api, errorText } from '../api.js';
import type { Album } from './albums.js';
import type { Notify } from './notify.js';
import { SharePanel } from './share-panel.js';

type ImageLineage = components['schemas']['ImageLineage'];

interface ImageDetailProps {
  imageId: string;
  albums: Album[];
  onOpen: (imageId: string) => void;
  onClose: () => void;
  /** An album's content changed (its count, or the album being viewed). */
  onAlbumsChanged: () => void;
}

const cost = (dollars: number | null) => (dollars === null ? 'not known' : `$${dollars.toFixed(4)}`);

/**
 * One image in a modal `<dialog>`: the full picture, how it was made, its lineage (each step a
 * button that opens it), albums and share links. Escape or "Close details" closes it, and the focus goes
 * back to what opened it.
 */
export function ImageDetail({ imageId, albums, onOpen, onClose, onAlbumsChanged }: ImageDetailProps) {
  const dialog = useRef<HTMLDialogElement>(null);
  const heading = useRef<HTMLHeadingElement>(null);
  const opening = useRef(true);
  const [lineage, setLineage] = useState<ImageLineage>();
  const [problem, setProblem] = useState('');
  const [status, setStatus] = useState('');
  const notify: Notify = { problem: setProblem, status: setStatus };

  useEffect(() => {
    const opener = document.activeElement as HTMLElement | null;
    const element = dialog.current;
    element?.showModal();
    return () => {
      // Taken away while open (Back, with the details in the address): everything outside a
      // modal dialog is inert, so it is closed first, or the focus could not go back.
      if (element?.open) element.close();
      opener?.focus();
    };
  }, []);

  useEffect(() => {
    let replaced = false;
    setLineage(undefined);
    setProblem('');
    setStatus('');
    void api.GET('/v1/gallery/{id}/lineage/', { params: { path: { id: imageId } } }).then(({ data, error }) => {
      if (replaced) return; // another image was opened meanwhile
      if (!data) return setProblem(errorText(error));
      setLineage(data);
      // Opened from its lineage: the button that was pressed is gone, so the focus goes to the
      // new image's title, where a screen reader then reads what is shown.
      if (!opening.current) heading.current?.focus();
      opening.current = false;
    });
    return () => {
      replaced = true;
    };
  }, [imageId]);

  const image = lineage?.image;
  return (
    <dialog ref={dialog} class="image-detail" aria-labelledby="detail-title" onClose={onClose}>
      <div class="detail-head">
        <h3 id="detail-title" ref={heading} tabIndex={-1}>{image ? image.prompt : 'Loading the image…'}</h3>
        <button type="button" onClick={() => dialog.current?.close()}>
          Close details
        </button>
      </div>
      {problem && <p role="alert" class="problem">{problem}</p>}
      <p role="status" class="status">{status}</p>
      {image && lineage && (
        <>
          <img class="full" src={image.url} alt={image.prompt} width={image.width} height={image.height} />
          <Facts image={image} />
          <AddToAlbum image={image} albums={albums} onAdded={onAlbumsChanged} notify={notify} />
          <section aria-labelledby="lineage-title">
            <h4 id="lineage-title">Lineage</h4>
            <LineageList title="Made from (oldest first)" images={lineage.ancestors} onOpen={onOpen} testId="ancestors" />
            <LineageList title="Made from this image" images={lineage.descendants} onOpen={onOpen} testId="descendants" />
          </section>
          <SharePanel key={image.id} image={image} notify={notify} />
        </>
      )}
    </dialog>
  );
}

function Facts({ image }: { image: GalleryImage }) {
  const facts: [string, string][] = [
    ['Prompt', image.prompt],
    ['Refined prompt', image.refined_prompt ?? '—'],
    ['Negative prompt', image.negative_prompt || '—'],
    ['Intent', image.intent ?? '—'],
    ['Provider', image.provider],
    ['Model', image.model ?? '—'],
    ['Seed', image.seed === null ? '—' : String(image.seed)],
    ['Size', `${image.width} × ${image.height} ${image.format}`],
    ['Made', new Date(image.created_at).toLocaleString()],
    ['Estimated cost', cost(image.cost)],
  ];
  return (
    <dl class="facts">
      {facts.map(([term, value]) => (
        <div key={term}>
          <dt>{term}</dt>
          <dd>{value}</dd>
        </div>
      ))}
    </dl>
  );
}

function LineageList({ title, images, onOpen, testId }: { title: string; images: GalleryImage[]; onOpen: (id: string) => void; testId: string }) {
  return (
    <div class="lineage" data-testid={testId}>
      <h5>{title}</h5>
      {images.length === 0 ? (
        <p class="empty">None.</p>
      ) : (
        <ol>
          {images.map((step) => (
            <li key={step.id}>
              <button type="button" class="link step" aria-label={`Open "${step.prompt}" (${step.intent ?? 'image'})`} onClick={() => onOpen(step.id)}>
                <img src={step.thumbnail_url ?? step.url} alt="" width={64} height={64} />
                <span>
                  {step.prompt} <span class="intent">{step.intent ?? ''}</span>
                </span>
              </button>
            </li>
          ))}
        </ol>
      )}
    </div>
  );
}

function AddToAlbum({ image, albums, onAdded, notify }: { image: GalleryImage; albums: Album[]; onAdded: () => void; notify: Notify }) {
  const [albumId, setAlbumId] = useState('');
  if (albums.length === 0) return <p class="empty">Make an album to file this image in it.</p>;
  const chosen = albumId || (albums[0]?.id ?? '');
  const add = async (event: Event) => {
    event.preventDefault();
    const { error, response } = await api.PUT('/v1/gallery/albums/{album_id}/images/{id}/', { params: { path: { album_id: chosen, id: image.id } } });
    if (!response.ok) return notify.problem(errorText(error));
    notify.status(`Added to "${albums.find((album) => album.id === chosen)?.name ?? 'the album'}"`);
    onAdded();
  };
  return (
    <form class="inline" onSubmit={add}>
      <label>
        Album
        <select value={chosen} onChange={(e) => setAlbumId(e.currentTarget.value)}>
          {albums.map((album) => (
            <option value={album.id}>{album.name}</option>
          ))}
        </select>
      </label>
      <button type="submit">Add to the album</button>
    </form>
  );
}
