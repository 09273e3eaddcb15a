import { useEffect, useRef, useState } from 'preact/hooks';
import { followSession, type Message, type Session } from '../client/index.js';
import { api, baseUrl, errorText } from './api.js';

const STAGE_TEXT: Record<Message['stage'], string> = {
  queued: 'Queued',
  refining: 'Refining the prompt',
  generating: 'Generating the image',
  uploading: 'Uploading',
  saving: 'Saving to the gallery',
  done: 'Done',
  failed: 'Failed',
  cancelled: 'Cancelled',
};

const isRunning = (message: Message) => message.status === 'PENDING' || message.status === 'PROCESSING';

/** Messages by id, each kept at its newest `sequence` (a poll and an event may cross). */
function merge(held: Message[], incoming: Message): Message[] {
  const index = held.findIndex((message) => message.id === incoming.id);
  if (index === -1) return [...held, incoming].sort((a, b) => a.created_at.localeCompare(b.created_at));
  const current = held[index] as Message;
  if (incoming.sequence < current.sequence) return held;
  // Events carry no queue position or ETA: keep the poll's until the next poll.
  const next: Message =
    incoming.sequence === current.sequence && incoming.queue_position === undefined
      ? { ...incoming, queue_position: current.queue_position, eta_ms: current.eta_ms }
      : incoming;
  return held.map((message, i) => (i === index ? next : message));
}

/** The sessions on the side, the chosen one as a conversation. */
export function Chat({ token }: { token: string }) {
  const [sessions, setSessions] = useState<Session[]>([]);
  const [current, setCurrent] = useState<string>();
  const [problem, setProblem] = useState('');

  const load = async () => {
    const { data, error } = await api.GET('/api/v1/chat/sessions/');
    if (!data) return setProblem(errorText(error));
    setSessions(data.data);
    setCurrent((chosen) => chosen ?? data.data[0]?.id);
  };
  useEffect(() => void load(), []);

  const newSession = async () => {
    const { data, error } = await api.POST('/api/v1/chat/sessions/', { body: {} });
    if (!data) return setProblem(errorText(error));
    setSessions((held) => [data, ...held]);
    setCurrent(data.id);
  };

  return (
    <div class="chat-layout">
      <nav class="sessions" aria-label="Conversations">
        <button type="button" onClick={newSession}>
          New conversation
        </button>
        <ul>
          {sessions.map((session) => (
            <li key={session.id}>
              <button type="button" class="link" aria-current={session.id === current ? 'true' : undefined} onClick={() => setCurrent(session.id)}>
                {session.title ?? 'Untitled conversation'}
              </button>
            </li>
          ))}
        </ul>
      </nav>
      {problem && <p role="alert" class="problem">{problem}</p>}
      {current ? (
        <Conversation key={current} sessionId={current} token={token} onTitled={load} />
      ) : (
        <p class="empty">Start a new conversation to make an image.</p>
      )}
    </div>
  );
}

function Conversation({ sessionId, token, onTitled }: { sessionId: string; token: string; onTitled: () => void }) {
  const [messages, setMessages] = useState<Message[]>([]);
  const [draft, setDraft] = useState('');
  const [source, setSource] = useState<string>();
  const [problem, setProblem] = useState('');
  const composer = useRef<HTMLTextAreaElement>(null);
  const add = (message: Message) => setMessages((held) => merge(held, message));

  // Every change of every message, live over Socket.IO (with resume), from what the list held.
  useEffect(() => {
    let follower: ReturnType<typeof followSession> | undefined;
    let stopped = false;
    void (async () => {
      const { data, error } = await api.GET('/api/v1/chat/sessions/{id}/messages/', { params: { path: { id: sessionId }, query: { limit: 100 } } });
      if (!data) return setProblem(errorText(error));
      if (stopped) return;
      for (const message of data.data) add(message);
      follower = followSession({
        baseUrl,
        token,
        sessionId,
        after: Object.fromEntries(data.data.map((message) => [message.id, message.sequence])),
      });
      try {
        for await (const message of follower) {
          add(message);
          if (message.status === 'DONE') onTitled();
        }
      } catch (failure) {
        if (!stopped) setProblem(`Live updates stopped: ${(failure as Error).message}`);
      }
    })();
    return () => {
      stopped = true;
      follower?.close();
    };
  }, [sessionId]);

  // The poll says what events do not: the queue position and the ETA of unfinished messages.
  const running = messages.filter(isRunning).map((message) => message.id);
  useEffect(() => {
    if (running.length === 0) return;
    const timer = setInterval(() => {
      for (const id of running) {
        void api
          .GET('/api/v1/chat/sessions/{id}/messages/{message_id}/', { params: { path: { id: sessionId, message_id: id } } })
          .then(({ data }) => data && add(data));
      }
    }, 1500);
    return () => clearInterval(timer);
  }, [running.join(',')]);

  const act = async (call: Promise<{ data?: Message; error?: unknown }>) => {
    setProblem('');
    const { data, error } = await call;
    if (data) add(data);
    else setProblem(errorText(error));
  };
  const post = (content: string, options: { n?: number; source_image_id?: string } = {}) =>
    act(api.POST('/api/v1/chat/sessions/{id}/messages/', { params: { path: { id: sessionId } }, body: { content, ...(Object.keys(options).length > 0 && { options }) } }));
  const path = (message: Message) => ({ params: { path: { id: sessionId, message_id: message.id } } });

  const send = async (event: Event) => {
    event.preventDefault();
    const content = draft.trim();
    if (!content) return;
    setDraft('');
    await post(content, source ? { source_image_id: source } : {});
    setSource(undefined);
  };

  return (
    <section class="conversation" aria-label="Conversation">
      <ol class="messages" aria-live="polite">
        {messages.map((message) => (
          <li key={message.id} class="message" data-status={message.status}>
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
            {message.images.length > 0 && (
              <div class="images">
                {message.images.filter((image) => image !== null).map((image, i) => (
                  <a href={image.url} target="_blank" rel="noopener" key={image.id}>
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
                ))}
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
                <button type="button" onClick={() => act(api.POST('/api/v1/chat/sessions/{id}/messages/{message_id}/cancel/', path(message)))}>
                  Cancel
                </button>
              )}
              {message.status === 'FAILED' && (
                <button type="button" onClick={() => act(api.POST('/api/v1/chat/sessions/{id}/messages/{message_id}/retry/', path(message)))}>
                  Retry
                </button>
              )}
              {message.status === 'DONE' && message.image && (
                <>
                  <button type="button" onClick={() => act(api.POST('/api/v1/chat/sessions/{id}/messages/{message_id}/regenerate/', { ...path(message), body: {} }))}>
                    Regenerate
                  </button>
                  <button type="button" onClick={() => post(message.content, { n: 3 })}>
                    Variations
                  </button>
                  <button
                    type="button"
                    onClick={() => {
                      setSource(message.image?.id);
                      composer.current?.focus();
                    }}
                  >
                    Edit or enhance
                  </button>
                </>
              )}
            </div>
          </li>
        ))}
      </ol>
      {problem && <p role="alert" class="problem">{problem}</p>}
      <form class="composer" onSubmit={send}>
        <label for="prompt">{source ? 'Describe the change to this image' : 'Describe an image, or a change to the last one'}</label>
        <textarea
          id="prompt"
          ref={composer}
          rows={2}
          value={draft}
          onInput={(e) => setDraft(e.currentTarget.value)}
          onKeyDown={(e) => {
            if (e.key === 'Enter' && !e.shiftKey) void send(e);
          }}
        />
        <div class="actions">
          {source && (
            <button type="button" onClick={() => setSource(undefined)}>
              Stop editing that image
            </button>
          )}
          <button type="submit">Send</button>
        </div>
      </form>
    </section>
  );
}
