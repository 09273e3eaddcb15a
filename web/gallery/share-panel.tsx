import { useEffect, useState } from 'preact/hooks';
import type { GalleryImage, components } from '../../client/index.js';
import { api, errorText } from '../api.js';
import type { Notify } from './notify.js';

type ShareLink = components['schemas']['ShareLink'];

/** "Expires in" choices, in the seconds `expires_in` takes ('' never expires). */
const EXPIRY: { seconds: string; text: string }[] = [
  { seconds: '', text: 'Never (until revoked)' },
  { seconds: String(60 * 60), text: '1 hour' },
  { seconds: String(24 * 60 * 60), text: '1 day' },
  { seconds: String(7 * 24 * 60 * 60), text: '7 days' },
];

const when = (instant: string) => new Date(instant).toLocaleString();

/** What a link's state is, in words: revoked, expired, or when it will expire. */
function linkState(link: ShareLink): string {
  if (link.revoked_at) return `revoked ${when(link.revoked_at)}`;
  if (!link.expires_at) return 'never expires';
  return Date.parse(link.expires_at) <= Date.now() ? `expired ${when(link.expires_at)}` : `expires ${when(link.expires_at)}`;
}

/**
 * Make a public link to one image, with its options, and manage its links. A new link's address
 * is shown once: the API keeps only a hash of its token, so the list cannot show it again.
 */
export function SharePanel({ image, notify }: { image: GalleryImage; notify: Notify }) {
  const [expiresIn, setExpiresIn] = useState('');
  const [password, setPassword] = useState('');
  const [allowDownload, setAllowDownload] = useState(true);
  const [showPrompt, setShowPrompt] = useState(true);
  const [created, setCreated] = useState<string>();
  const [links, setLinks] = useState<ShareLink[]>([]);
  const path = { params: { path: { id: image.id } } };

  const loadLinks = async () => {
    const { data, error } = await api.GET('/v1/gallery/{id}/shares/', path);
    if (data) setLinks(data.items);
    else notify.problem(errorText(error));
  };
  useEffect(() => void loadLinks(), [image.id]);

  const create = async (event: Event) => {
    event.preventDefault();
    const body = {
      allow_download: allowDownload,
      show_prompt: showPrompt,
      ...(expiresIn && { expires_in: Number(expiresIn) }),
      ...(password && { password }),
    };
    const { data, error } = await api.POST('/v1/gallery/{id}/shares/', { ...path, body });
    if (!data) return notify.problem(errorText(error));
    setCreated(data.url);
    setPassword('');
    notify.status('Share link created');
    await loadLinks();
  };

  const revoke = async (link: ShareLink) => {
    const { error, response } = await api.DELETE('/v1/gallery/{id}/shares/{share_id}/', { params: { path: { id: image.id, share_id: link.id } } });
    if (!response.ok) return notify.problem(errorText(error));
    notify.status('Link revoked');
    await loadLinks();
  };

  return (
    <section class="share-panel" aria-labelledby="share-title">
      <h4 id="share-title">Share</h4>
      <form onSubmit={create}>
        <label>
          Link expires
          <select value={expiresIn} onChange={(e) => setExpiresIn(e.currentTarget.value)}>
            {EXPIRY.map((choice) => (
              <option value={choice.seconds}>{choice.text}</option>
            ))}
          </select>
        </label>
        <label>
          Password (optional)
          <input type="password" autocomplete="new-password" maxLength={256} value={password} onInput={(e) => setPassword(e.currentTarget.value)} />
        </label>
        <label class="check">
          <input type="checkbox" checked={allowDownload} onChange={(e) => setAllowDownload(e.currentTarget.checked)} />
          Allow download
        </label>
        <label class="check">
          <input type="checkbox" checked={showPrompt} onChange={(e) => setShowPrompt(e.currentTarget.checked)} />
          Show the prompt
        </label>
        <button type="submit">Create share link</button>
      </form>
      {created && (
        <p class="share">
          New link (copy it now, it is shown once): <a href={created} data-testid="new-share-link">{created}</a>
        </p>
      )}
      {links.length > 0 && (
        <>
          <h5>Links to this image</h5>
          <ul class="links">
            {links.map((link) => (
              <li key={link.id} data-testid="share-row">
                Made {when(link.created_at)} · {linkState(link)} · {link.views} {link.views === 1 ? 'view' : 'views'}
                {link.has_password && ' · password'}
                {!link.allow_download && ' · no download'}
                {!link.show_prompt && ' · prompt hidden'}
                {!link.revoked_at && (
                  <button type="button" class="small danger" aria-label={`Revoke the link made ${when(link.created_at)}`} onClick={() => revoke(link)}>
                    Revoke
                  </button>
                )}
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}
