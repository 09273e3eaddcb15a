/**
 * How many messages the list asks for at a time (`limit`), and how many more "Earlier messages"
 * shows. Small enough that a long conversation opens at its end without drawing every message.
 * A file of its own, free of the DOM, so the browser tests can read it too.
 */
export const MESSAGE_PAGE = 20;

/** How many sessions the list asks for at a time; "More conversations" asks for the next page. */
export const SESSION_PAGE = 20;
