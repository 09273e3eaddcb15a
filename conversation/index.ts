/** The conversation service's public face: everything other folders may use. */
export type { ConversationContext } from './context.js';
export type { PipelineContext } from './pipeline/context.js';
export type { ConversationStore } from './store/port.js';
export type { MessageRecord, SessionRecord, MessageStatus, MessageStage } from './message.js';
export { createPostgresStore, createMongoStore } from './store/index.js';
export { createPipelineQueues, type PipelineQueues } from './pipeline/queues.js';
export { startPipelineWorkers, type PipelineWorkers, type WorkerOptions } from './pipeline/workers.js';
export { getSession } from './get-session.js';
export { followSession, type FollowFrom, type MessageChange } from './follow-session.js';
export { markImageDeleted } from './mark-image-deleted.js';
export { Message, toMessageWire, type MessageWire } from './schemas.js';

export { registerCreateSession } from './routes/create-session.js';
export { registerListSessions } from './routes/list-sessions.js';
export { registerGetSession } from './routes/get-session.js';
export { registerRenameSession } from './routes/rename-session.js';
export { registerDeleteSession } from './routes/delete-session.js';
export { registerPostMessage } from './routes/post-message.js';
export { registerListMessages } from './routes/list-messages.js';
export { registerGetMessage } from './routes/get-message.js';
export { registerSessionEvents } from './routes/session-events.js';
export { registerMessageEvents } from './routes/message-events.js';
export { registerCancelMessage } from './routes/cancel-message.js';
export { registerRetryMessage } from './routes/retry-message.js';
export { registerRegenerateMessage } from './routes/regenerate-message.js';
export { registerListDeadLetters } from './routes/list-dead-letters.js';
export { registerRetryDeadLetter } from './routes/retry-dead-letter.js';
export { registerListOrgQueue } from './routes/list-org-queue.js';
