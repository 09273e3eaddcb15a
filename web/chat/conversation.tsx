import { useEffect, useRef, useState } from 'preact/hooks';
import { followSession, type Message, type SessionFollower } from '../../client/index.js';
import { api, baseUrl, errorText } from '../api.js';
import { renewToken, storedToken } from '../tokens.js';
import { Composer } from './composer.js';
import { MessageItem } from './message-item.js';
import { isRunning, listMessagesBefore, merge } from './messages.js';
import type { TemplateChoice } from './template-picker.js';

/** Whether a follower ended because its handshake's token was refused (an expired access token). */
const isRefusedToken = (failure: unknown) => (failure as { data?: { code?: string } } | undefined)?.data?.code === 'unauthenticated';

/** A session as a conversation: its history, followed live, and the composer. */
export function Conversation({ sessionId, onTitled }: { sessionId: string; onTitled: () => void }) {
  const [messages, setMessages] = useState<Message[]>([]);
  // Where the page of messages before the oldest held starts (null: the first message is held).
  const [olderCursor, setOlderCursor] = useState<string | null>(null);
  const [source, setSource] = useState<string>();
  const [problem, setProblem] = useState('');
  // Whether the live follow is subscribed (`data-following`, which the browser tests wait for).
  const [following, setFollowing] = useState(false);
  const textarea = useRef<HTMLTextAreaElement>(null);
  const add = (message: Message) => setMessages((held) => merge(held, message));
  // The oldest message read from the history: a live change of an older one (a replay from the
  // session's log) is left for "Earlier messages" to read, so the list has no gap.
  const oldestRead = useRef<string>();
  const addLive = (message: Message) => {
    if (oldestRead.current === undefined || message.created_at >= oldestRead.current) add(message);
  };

  // The history, then every change of every message live over Socket.IO (with resume from what
  // is held). A handshake refused for its token is tried again, once, with a renewed token.
  useEffect(() => {
    let follower: SessionFollower | undefined;
    let stopped = false;
    void (async () => {
      // The newest page only: a long conversation opens at its end, in one request.
      const history = await listMessagesBefore(sessionId);
      if (stopped) return;
      if ('error' in history) return setProblem(errorText(history.error));
      oldestRead.current = history.olderCursor === null ? undefined : history.messages[0]?.created_at;
      // One state change for the whole page (merging one by one would sort it n times).
      setMessages((held) => (held.length === 0 ? history.messages : history.messages.reduce(merge, held)));
      setOlderCursor(history.olderCursor);
      let after = Object.fromEntries(history.messages.map((message) => [message.id, message.sequence]));
      let renewed = false;
      while (!stopped) {
        let handed: string | undefined;
        follower = followSession({ baseUrl, token: () => (handed = storedToken()), sessionId, after });
        void follower.ready.then(() => {
          renewed = false;
          setFollowing(true);
        });
        try {
          for await (const message of follower) {
            addLive(message);
            if (message.status === 'DONE') onTitled();
          }
          return;
        } catch (failure) {
          if (stopped) return;
          after = Object.fromEntries(follower.seen);
          if (!renewed && isRefusedToken(failure) && (await renewToken(baseUrl, handed))) {
            renewed = true;
            continue;
          }
          setFollowing(false);
          return setProblem(`Live updates stopped: ${(failure as Error).message}`);
        }
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

  const showEarlier = async () => {
    if (olderCursor === null) return;
    const page = await listMessagesBefore(sessionId, olderCursor);
    if ('error' in page) return setProblem(errorText(page.error));
    oldestRead.current = page.olderCursor === null ? undefined : page.messages[0]?.created_at;
    setMessages((held) => page.messages.reduce(merge, held));
    setOlderCursor(page.olderCursor);
  };

  const act = async (call: Promise<{ data?: Message; error?: unknown }>) => {
    setProblem('');
    const { data, error } = await call;
    if (data) add(data);
    else setProblem(errorText(error));
  };
  const post = (body: { content: string } | TemplateChoice, options: { n?: number; source_image_id?: string } = {}) =>
    act(
      api.POST('/api/v1/chat/sessions/{id}/messages/', {
        params: { path: { id: sessionId } },
        body: { ...body, ...(Object.keys(options).length > 0 && { options }) },
      }),
    );

  return (
    <section class="conversation" aria-label="Conversation" data-following={following}>
      {olderCursor !== null && (
        <button type="button" class="earlier" onClick={() => void showEarlier()}>
          Earlier messages
        </button>
      )}
      <ol class="messages" aria-live="polite">
        {messages.map((message) => (
          <MessageItem
            key={message.id}
            message={message}
            act={act}
            onVariations={(original, n) => post({ content: original.content }, { n })}
            onEdit={(imageId) => {
              setSource(imageId);
              textarea.current?.focus();
            }}
          />
        ))}
      </ol>
      {problem && <p role="alert" class="problem">{problem}</p>}
      <Composer
        editing={source !== undefined}
        onStopEditing={() => setSource(undefined)}
        textarea={textarea}
        onPost={async (body) => {
          await post(body, source ? { source_image_id: source } : {});
          setSource(undefined);
        }}
      />
    </section>
  );
}
