import { useState } from 'preact/hooks';
import type { GalleryImage } from '../../client/index.js';
import { api, errorText } from '../api.js';
import type { Album } from './albums.js';
import type { Notify } from './notify.js';
import { PickBox } from './selection.js';

interface ImageCardProps {
  image: GalleryImage;
  /** The album being viewed, if any: the card then offers to take the image out of it. */
  album: Album | undefined;
  onOpen: (imageId: string) => void;
  /** The image as the API now has it, or `undefined` when it left this list. */
  onChanged: (next: GalleryImage | undefined) => void;
  notify: Notify;
  /** In "Select" mode: whether this image is picked, and how to pick it. */
  pick?: { picked: boolean; onPick: (picked: boolean) => void } | undefined;
}

/** One image of the grid: opens its details, and the quick actions named for the image. */
export function ImageCard({ image, album, onOpen, onChanged, notify, pick }: ImageCardProps) {
  const [link, setLink] = useState<string>();
  const id = { params: { path: { id: image.id } } };

  const toggleFavorite = async () => {
    const { data, error } = image.favorite ? await api.DELETE('/v1/gallery/{id}/favorite/', id) : await api.PUT('/v1/gallery/{id}/favorite/', id);
    if (!data) return notify.problem(errorText(error));
    notify.status(data.favorite ? 'Added to favorites' : 'Removed from favorites');
    onChanged(data);
  };
  // A link with the defaults, in one click; the details offer expiry, a password and revoking.
  const share = async () => {
    const { data, error } = await api.POST('/v1/gallery/{id}/shares/', { ...id, body: {} });
    if (data) setLink(data.url);
    else notify.problem(errorText(error));
  };
  const trash = async () => {
    const { error, response } = await api.DELETE('/v1/gallery/{id}/', id);
    if (!response.ok) return notify.problem(errorText(error));
    notify.status('Moved to the trash');
    onChanged(undefined);
  };
  const takeOut = async (from: Album) => {
    const { error, response } = await api.DELETE('/v1/gallery/albums/{album_id}/images/{id}/', { params: { path: { album_id: from.id, id: image.id } } });
    if (!response.ok) return notify.problem(errorText(error));
    notify.status(`Removed from "${from.name}"`);
    onChanged(undefined);
  };

  return (
    <li class={pick?.picked ? 'card picked' : 'card'}>
      {pick && <PickBox prompt={image.prompt} picked={pick.picked} onPick={pick.onPick} />}
      <button type="button" class="open" aria-label={`Details of "${image.prompt}"`} onClick={() => onOpen(image.id)}>
        <img src={image.thumbnail_url ?? image.url} alt={image.prompt} width={256} height={256} loading="lazy" />
      </button>
      <p class="caption">{image.prompt}</p>
      <p class="meta">
        {image.intent ?? 'image'}
        {image.is_nsfw && ' · NSFW'}
      </p>
      <div class="actions">
        <button
          type="button"
          aria-pressed={image.favorite}
          aria-label={`${image.favorite ? 'Unfavorite' : 'Favorite'} "${image.prompt}"`}
          onClick={toggleFavorite}
        >
          {image.favorite ? '★' : '☆'}
        </button>
        <button type="button" aria-label={`Share "${image.prompt}"`} onClick={share}>
          Share
        </button>
        <button type="button" aria-label={`Move "${image.prompt}" to the trash`} onClick={trash}>
          Trash
        </button>
        {album && (
          <button type="button" aria-label={`Remove "${image.prompt}" from the album "${album.name}"`} onClick={() => takeOut(album)}>
            Remove from album
          </button>
        )}
      </div>
      {link && (
        <p class="share">
          Link: <a href={link} data-testid="share-link">{link}</a>
        </p>
      )}
    </li>
  );
}
