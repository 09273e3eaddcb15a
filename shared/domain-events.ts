/**
 * What happened, for whoever listens beyond the realtime rooms (webhooks). The conversation and
 * gallery services report their events through an optional `onEvent` in their contexts; the
 * gateway wires it to the webhooks service, so neither service imports it.
 */
export const DOMAIN_EVENT_TYPES = [
  'message.completed',
  'message.failed',
  /** Emitted once messages can be cancelled; accepted in subscriptions already. */
  'message.cancelled',
  'gallery.image.created',
  'gallery.image.deleted',
] as const;
export type DomainEventType = (typeof DOMAIN_EVENT_TYPES)[number];

export interface DomainEvent {
  type: DomainEventType;
  /** Whose resource it is: the events go to this user's endpoints only. */
  userId: string;
  /** The resource as the API shows it (the message, or the gallery image), already in wire shape. */
  data: unknown;
  occurredAt: Date;
}

/**
 * Told of each event, synchronously and without waiting: the listener must never fail nor slow
 * the change that raised it (it logs its own errors).
 */
export type DomainEventSink = (event: DomainEvent) => void;
