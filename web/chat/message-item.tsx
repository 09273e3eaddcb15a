import { useState } from 'preact/hooks';
import type { Message } from '../../client/index.js';
import { api } from '../api.js';
import { STAGE_TEXT, isRunning } from './messages.js';

type Call = Promise<{ data?: Message; error?: unknown }>;

interface MessageItemProps {
  message: Message;
  /** Runs one of the message's actions and shows its answer (or its error). */
  act: (call: Call) => void;
  /** The same prompt again, as `n` variations. */
  onVariations: (message: Message, n: number) => void;
  /** The next prompt works on this image. */
  onEdit: (imageId: string) => void;
}

/** One message: its prompt, stage, progress, reply or error, every image with its seed, and what can be done with it. */
export function MessageItem({ message, act, onVariations, onEdit }: MessageItemProps) {
  const [variations, setVariations] = useState(3);
  const path = { params: { path: { id: message.session_id, message_id: message.id } } };
  const images = message.images.filter((image) => image !== null);
  return (
    <li class="message" data-status={message.status}>
      <p class="prompt">{message.content}</p>
      <p class="stage" data-testid="stage">
        {STAGE_TEXT[message.stage]}
        {message.intent && message.intent !== 'generate' && ` · ${message.intent}`}
      </p>
      {isRunning(message) && (
        <label class="progress">
          <span>Progress {message.progress}%</span>
          <progress max={100} value={message.progress} aria-label={`Progress of "${message.content}"`} />
        </label>
      )}
      {isRunning(message) && message.queue_position !== undefined && (
        <p class="queue">
          Position in queue: {message.queue_position}
          {message.eta_ms != null && ` · about ${Math.max(1, Math.round(message.eta_ms / 1000))} s left`}
        </p>
      )}
      {message.reply && <p class="reply">{message.reply}</p>}
      {message.error && <p class="problem">{message.error.message}</p>}
      {images.length > 0 && (
        <div class="images">
          {images.map((image, i) => {
            const seed = image.seed === null ? 'Seed unknown' : `Seed ${image.seed}`;
            return (
              <figure key={image.id}>
                <a href={image.url} target="_blank" rel="noopener" title={seed}>
                  <img
                    src={image.thumbnail_url ?? image.url}
                    alt={`Image ${i + 1} for "${message.content}"`}
                    width={256}
                    height={256}
                    onLoad={(e) => {
                      // The thumbnail first, then the full image once it is fetched.
                      const img = e.currentTarget;
                      if (img.src !== image.url && img.dataset.full !== 'loading') {
                        img.dataset.full = 'loading';
                        const full = new Image();
                        full.onload = () => (img.src = image.url);
                        full.src = image.url;
                      }
                    }}
                  />
                </a>
                <figcaption class="seed">{seed}</figcaption>
              </figure>
            );
          })}
        </div>
      )}
      {message.refined_prompt && (
        <details>
          <summary>Refined prompt</summary>
          <p>{message.refined_prompt}</p>
        </details>
      )}
      <div class="actions">
        {isRunning(message) && (
          <button type="button" onClick={() => act(api.POST('/api/v1/chat/sessions/{id}/messages/{message_id}/cancel/', path))}>
            Cancel
          </button>
        )}
        {message.status === 'FAILED' && (
          <button type="button" onClick={() => act(api.POST('/api/v1/chat/sessions/{id}/messages/{message_id}/retry/', path))}>
            Retry
          </button>
        )}
        {message.status === 'DONE' && message.image && (
          <>
            <button type="button" onClick={() => act(api.POST('/api/v1/chat/sessions/{id}/messages/{message_id}/regenerate/', { ...path, body: {} }))}>
              Regenerate
            </button>
            <span class="variations">
              <label for={`variations-${message.id}`}>How many variations</label>
              <select id={`variations-${message.id}`} value={variations} onChange={(e) => setVariations(Number(e.currentTarget.value))}>
                {[2, 3, 4].map((n) => (
                  <option value={n}>{n}</option>
                ))}
              </select>
              <button type="button" onClick={() => onVariations(message, variations)}>
                Make {variations} variations
              </button>
            </span>
            <button type="button" onClick={() => message.image && onEdit(message.image.id)}>
              Edit or enhance
            </button>
          </>
        )}
      </div>
    </li>
  );
}
