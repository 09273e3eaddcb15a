import { useEffect, useRef, useState } from 'preact/hooks';
import { followSession, type Message, type SessionFollower } from '../../client/index.js';
import { api, baseUrl, errorText } from '../api.js';
import { renewToken, storedToken } from '../tokens.js';
import { Composer } from './composer.js';
import { MessageItem } from './message-item.js';
import { MESSAGE_PAGE, isRunning, listAllMessages, merge } from './messages.js';
import type { TemplateChoice } from './template-picker.js';

/** Whether a follower ended because its handshake's token was refused (an expired access token). */
const isRefusedToken = (failure: unknown) => (failure as { data?: { code?: string } } | undefined)?.data?.code === 'unauthenticated';

/** A session as a conversation: its history, followed live, and the composer. */
export function Conversation({ sessionId, onTitled }: { sessionId: string; onTitled: () => void }) {
  const [messages, setMessages] = useState<Message[]>([]);
  // How many of the oldest messages are not shown: all but the newest page, at first.
  const [hidden, setHidden] = useState(0);
  const [source, setSource] = useState<string>();
  const [problem, setProblem] = useState('');
  // Whether the live follow is subscribed (`data-following`, which the browser tests wait for).
  const [following, setFollowing] = useState(false);
  const textarea = useRef<HTMLTextAreaElement>(null);
  const add = (message: Message) => setMessages((held) => merge(held, message));

  // The history, then every change of every message live over Socket.IO (with resume from what
  // is held). A handshake refused for its token is tried again, once, with a renewed token.
  useEffect(() => {
    let follower: SessionFollower | undefined;
    let stopped = false;
    void (async () => {
      const history = await listAllMessages(sessionId);
      if (stopped) return;
      if ('error' in history) return setProblem(errorText(history.error));
      // One state change for the whole history (merging one by one would sort it n times).
      setMessages((held) => (held.length === 0 ? history.messages : history.messages.reduce(merge, held)));
      setHidden(Math.max(0, history.messages.length - MESSAGE_PAGE));
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
            add(message);
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
      {hidden > 0 && (
        <button type="button" class="earlier" onClick={() => setHidden(Math.max(0, hidden - MESSAGE_PAGE))}>
          Earlier messages ({hidden} not shown)
        </button>
      )}
      <ol class="messages" aria-live="polite">
        {messages.slice(hidden).map((message) => (
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
