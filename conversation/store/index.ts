/** The conversation store's public face: the port and its two adapters. */
export type { ConversationStore } from './port.js';
export { createPostgresStore } from './postgres.js';
export { createMongoStore } from './mongo.js';
