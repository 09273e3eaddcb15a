import { useEffect, useState } from 'preact/hooks';
import { Conversation } from './chat/conversation.js';
import { SessionList } from './chat/session-list.js';
import { useSessions } from './chat/sessions.js';

/** The sessions on the side, the chosen one as a conversation. */
export function Chat() {
  const list = useSessions();
  const [current, setCurrent] = useState<string>();
  // The newest session is shown until the user chooses one (or the one shown is deleted).
  useEffect(() => {
    if (!list.sessions.some((session) => session.id === current)) setCurrent(list.sessions[0]?.id);
  }, [list.sessions]);

  return (
    <div class="chat-layout">
      <SessionList
        sessions={list.sessions}
        current={current}
        hasMore={list.hasMore}
        onChoose={setCurrent}
        onNew={async () => {
          const session = await list.create();
          if (session) setCurrent(session.id);
        }}
        onMore={list.more}
        onRename={list.rename}
        onDelete={list.remove}
      />
      {list.problem && <p role="alert" class="problem">{list.problem}</p>}
      {current ? (
        <Conversation key={current} sessionId={current} onTitled={list.reload} />
      ) : (
        <p class="empty">Start a new conversation to make an image.</p>
      )}
    </div>
  );
}
