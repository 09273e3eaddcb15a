import { z } from '@hono/zod-openapi';
import { checkSize, imageOptionFields, type MediaLinks } from '../image-service/index.js';
import { INTENTS } from '../prompt-service/index.js';
import { idSchema } from '../shared/http.js';
import { LANES } from '../shared/principal.js';
import { Variables } from '../templates/index.js';
import { STAGES } from '../shared/queues.js';
import { MAX_PROMPT_CHARS } from '../shared/text.js';
import { ProviderUsageWire, toUsageWire } from '../shared/usage.js';
import { liveImagesOf, MAX_VARIATIONS, MESSAGE_STAGES, MESSAGE_STATUSES, type MessageImage, type MessageRecord, type SessionRecord } from './message.js';
import { stageDue } from './pipeline/turns.js';
import { SESSION_IMAGES_ON_DELETE } from './delete-session.js';

/** Wire schemas of the chat API (snake_case). The mapping from records happens here, once. */

export const SessionId = idSchema('a session').openapi({ example: '019a0c4e-8b1f-7c35-9d2a-4f6e1b2c3d4e' });
const TemplateId = idSchema('a template');
export const MessageId = idSchema('a message').openapi({ example: '019a0c4e-9d0a-7c35-9d2a-4f6e1b2c3d4e' });

export const SessionParams = z.object({ id: SessionId.openapi({ param: { name: 'id', in: 'path' } }) });
export const MessageParams = z.object({
  id: SessionId.openapi({ param: { name: 'id', in: 'path' } }),
  message_id: MessageId.openapi({ param: { name: 'message_id', in: 'path' } }),
});

/** A session's title, as given at creation or by a rename. */
const SessionTitle = z.string().trim().min(1).max(200);

export const CreateSessionBody = z
  .object({ title: SessionTitle.optional() })
  .openapi('CreateSessionRequest');

export const RenameSessionBody = z
  .object({ title: SessionTitle })
  .openapi('RenameSessionRequest');

export const DeleteSessionQuery = z.object({
  images: z
    .enum(SESSION_IMAGES_ON_DELETE)
    .optional()
    .openapi({
      param: { name: 'images', in: 'query' },
      description: "What happens to the session's gallery images: `trash` (default; restorable from the gallery's trash) or `keep`",
    }),
});

export const Session = z
  .object({
    id: z.string(),
    title: z
      .string()
      .nullable()
      .openapi({ description: 'Given at creation or by a rename; else set from the first message once it is refined (null until then)' }),
    created_at: z.string(),
    updated_at: z.string(),
  })
  .openapi('Session');

export const SessionPage = z
  .object({ data: z.array(Session), next_cursor: z.string().nullable() })
  .openapi('SessionPage');

/** A message's options: the image options, and the image an edit or enhance should work on. */
export const MessageOptionsBody = z
  .strictObject({
    ...imageOptionFields,
    source_image_id: idSchema('an image')
      .optional()
      .openapi({
        description:
          'The image an edit or enhance works on: any live image of yours, from this session or another (docs/lineage.md). Without it, the latest image of this session. Not yours: 404; in the trash: 409.',
      }),
    n: z
      .number({ message: `n must be a whole number from 1 to ${MAX_VARIATIONS}` })
      .int({ message: `n must be a whole number from 1 to ${MAX_VARIATIONS}` })
      .min(1, { message: `n must be at least 1` })
      .max(MAX_VARIATIONS, { message: `n must be at most ${MAX_VARIATIONS}` })
      .optional()
      .openapi({
        description: `How many variations to make (1–${MAX_VARIATIONS}, default 1), each with its own seed (the seed, the seed + 1, …), its own gallery row and one unit of the image quota. The message lists them in \`images\`.`,
        example: 1,
      }),
  })
  .superRefine(checkSize)
  .openapi('MessageOptions', { example: { width: 1024, aspect_ratio: '16:9', format: 'png' } });

export const PostMessageBody = z
  .object({
    content: z
      .string({ message: 'content is required' })
      .trim()
      .min(1, { message: 'content must not be empty' })
      .max(MAX_PROMPT_CHARS, { message: `content must be at most ${MAX_PROMPT_CHARS} characters` })
      .optional()
      .openapi({ description: 'What the user wrote; or give `template_id` (and `variables`) instead' }),
    template_id: TemplateId.optional().openapi({
      description: "Post a prompt template (the user's own or one shared with their organisation) instead of `content`: the message's content is its text rendered with `variables` over its defaults",
    }),
    variables: Variables.optional().openapi({ description: 'Values of the template\'s placeholders; each one without a default is required' }),
    options: MessageOptionsBody.optional(),
  })
  .superRefine((body, issue) => {
    const templated = body.template_id !== undefined;
    if (body.content === undefined && !templated) {
      issue.addIssue({ code: 'custom', path: ['content'], message: 'content is required (or template_id)' });
    }
    if (body.content !== undefined && templated) {
      issue.addIssue({ code: 'custom', path: ['template_id'], message: 'give content or template_id, not both' });
    }
    if (body.variables !== undefined && !templated) {
      issue.addIssue({ code: 'custom', path: ['variables'], message: 'variables go with template_id' });
    }
  })
  // Said in the document too: a body has `content` or `template_id`, not both (`oneOf`). The
  // example is one of them: sampled from the properties, Swagger UI would send both (a 400).
  .openapi('PostMessageRequest', {
    oneOf: [{ required: ['content'] }, { required: ['template_id'] }],
    example: { content: 'Create a sunset landscape', options: { width: 1024, aspect_ratio: '16:9', format: 'png' } },
  });

const MessageImageWire = z
  .object({
    id: z.string(),
    url: z.string(),
    thumbnail_url: z.string().nullable(),
    width: z.number().int(),
    height: z.number().int(),
    format: z.string(),
    bytes: z.number().int(),
    seed: z.number().int().nullable().openapi({ description: 'The seed it was made with: variations differ by seed.' }),
    is_nsfw: z.boolean().openapi({ description: 'Flagged by moderation, as on its gallery row (docs/moderation.md).' }),
  })
  .openapi('MessageImage');

export const MessageErrorWire = z
  .object({
    code: z.string(),
    message: z.string(),
    stage: z.enum(MESSAGE_STAGES),
    retryable: z.boolean(),
  })
  .openapi('MessageError');

const RefinementWire = z
  .object({
    provider: z.string(),
    model: z.string(),
    confidence: z.number(),
    negative_prompt: z.string(),
    cached: z.boolean().openapi({ description: 'Served from the refinement cache: no provider call was made' }),
  })
  .openapi('Refinement');

const UsageWire = ProviderUsageWire;

export const Message = z
  .object({
    id: z.string(),
    session_id: z.string(),
    content: z.string(),
    lane: z
      .enum(LANES)
      .openapi({ description: "The queue lane it runs in, from its poster's priority: `high` goes ahead, without starving `normal`" }),
    status: z.enum(MESSAGE_STATUSES),
    stage: z.enum(MESSAGE_STAGES),
    progress: z.number().int().min(0).max(100),
    sequence: z.number().int().openapi({ description: 'Rises with every change; drop an event older than what you hold.' }),
    intent: z.enum(INTENTS).nullable(),
    refined_prompt: z.string().nullable(),
    reply: z.string().nullable(),
    image_url: z.string().nullable(),
    image: MessageImageWire.nullable().openapi({ description: 'The first of `images` (what a client that asks for one image reads); null until DONE.' }),
    images: z.array(MessageImageWire).openapi({
      description: 'Every image the message made, in order: one, or `options.n` variations. Empty until DONE; an image deleted for good from the gallery leaves the list.',
    }),
    image_deleted_at: z
      .string()
      .nullable()
      .openapi({ description: 'Set when its first image was deleted for good from the gallery; `image` and `image_url` are then the first image left in `images` (null with one image).' }),
    error: MessageErrorWire.nullable(),
    attempts: z.number().int(),
    refinement: RefinementWire.nullable(),
    usage: z.array(UsageWire).openapi({ description: 'What each provider call used, where the provider reports it' }),
    timings_ms: z
      .object({ refining: z.number(), generating: z.number(), uploading: z.number(), saving: z.number() })
      .partial()
      .openapi({ description: 'How long each stage took' }),
    created_at: z.string(),
    updated_at: z.string(),
    completed_at: z.string().nullable(),
    queue_position: z
      .number()
      .int()
      .min(0)
      .optional()
      .openapi({
        description:
          'On the poll of an unfinished message: the messages ahead of it (its session\'s earlier unfinished ones, plus the other jobs waiting for its stage). Absent once final (the poll is then exactly the last event), and in events; not part of the ETag.',
      }),
    eta_ms: z
      .number()
      .int()
      .min(0)
      .nullable()
      .optional()
      .openapi({
        description:
          'On the poll of an unfinished message: milliseconds until it is final, estimated from the median recent duration of each stage on this instance (README, "Progress"). Absent once final; null before every stage has been timed.',
      }),
  })
  .openapi('Message');
export type MessageWire = z.infer<typeof Message>;

export const MessagePage = z
  .object({ data: z.array(Message), next_cursor: z.string().nullable() })
  .openapi('MessagePage');

export function toSessionWire(session: SessionRecord): z.infer<typeof Session> {
  return {
    id: session.id,
    title: session.title,
    created_at: session.createdAt.toISOString(),
    updated_at: session.updatedAt.toISOString(),
  };
}

/**
 * The message as clients see it: the poll response and the `message.updated` event alike. The
 * image's URL is built now, by the process that answers (see MediaLinks).
 */
export function toMessageWire(message: MessageRecord, links: MediaLinks): MessageWire {
  const images = message.status === 'DONE' ? imagesWire(liveImagesOf(message), links) : [];
  const image = images[0] ?? null;
  return {
    id: message.id,
    session_id: message.sessionId,
    content: message.content,
    lane: message.lane,
    status: message.status,
    stage: message.stage,
    progress: message.progress,
    sequence: message.sequence,
    intent: message.intent,
    refined_prompt: message.refinedPrompt,
    reply: message.reply,
    image_url: image?.url ?? null,
    image,
    images,
    image_deleted_at: message.imageDeletedAt?.toISOString() ?? null,
    error: message.error,
    attempts: message.attempts,
    refinement: message.refinement && {
      provider: message.refinement.provider,
      model: message.refinement.model,
      confidence: message.refinement.confidence,
      negative_prompt: message.refinement.negativePrompt,
      cached: message.refinement.cached,
    },
    usage: message.usage.map(toUsageWire),
    timings_ms: message.timings,
    created_at: message.createdAt.toISOString(),
    updated_at: message.updatedAt.toISOString(),
    completed_at: message.completedAt?.toISOString() ?? null,
  };
}

export const DeadLetter = z
  .object({
    message_id: z.string(),
    session_id: z.string(),
    user_id: z.string(),
    lane: z.enum(LANES),
    stage: z.enum(STAGES).openapi({ description: 'The pipeline stage a retry starts from: prompt, image or finalize' }),
    failed_stage: z.enum(MESSAGE_STAGES).openapi({ description: 'The step the message was in when it failed' }),
    error: z.object({ code: z.string(), message: z.string(), retryable: z.boolean() }),
    attempts: z.number().int(),
    failed_at: z.string(),
  })
  .openapi('DeadLetter');

export const DeadLetterPage = z
  .object({ data: z.array(DeadLetter), next_cursor: z.string().nullable() })
  .openapi('DeadLetterPage');

/** A FAILED message as a dead letter: what failed, where, and where a retry starts. */
export function toDeadLetterWire(message: MessageRecord): z.infer<typeof DeadLetter> {
  const error = message.error ?? { code: 'internal', message: 'failed', stage: 'failed' as const, retryable: true };
  return {
    message_id: message.id,
    session_id: message.sessionId,
    user_id: message.userId,
    lane: message.lane,
    stage: stageDue(message),
    failed_stage: error.stage,
    error: { code: error.code, message: error.message, retryable: error.retryable },
    attempts: message.attempts,
    failed_at: (message.completedAt ?? message.updatedAt).toISOString(),
  };
}

export const QueuedMessage = z
  .object({
    message_id: z.string(),
    session_id: z.string(),
    user_id: z.string(),
    lane: z.enum(LANES),
    status: z.enum(['PENDING', 'PROCESSING']).openapi({ description: 'PENDING: waiting (for a worker, or for an earlier message of its session); PROCESSING: running' }),
    stage: z.enum(MESSAGE_STAGES),
    progress: z.number().int().min(0).max(100),
    attempts: z.number().int(),
    created_at: z.string(),
    updated_at: z.string(),
  })
  .openapi('QueuedMessage');

export const QueuePage = z
  .object({ data: z.array(QueuedMessage), next_cursor: z.string().nullable() })
  .openapi('QueuePage');

/** An unfinished message as an org admin's queue shows it: whose, which lane, how far. */
export function toQueuedMessageWire(message: MessageRecord): z.infer<typeof QueuedMessage> {
  return {
    message_id: message.id,
    session_id: message.sessionId,
    user_id: message.userId,
    lane: message.lane,
    // The store lists unfinished messages only.
    status: message.status === 'PROCESSING' ? 'PROCESSING' : 'PENDING',
    stage: message.stage,
    progress: message.progress,
    attempts: message.attempts,
    created_at: message.createdAt.toISOString(),
    updated_at: message.updatedAt.toISOString(),
  };
}

/** The images' wire shapes, each with a link built now; one whose link cannot be built is left out. */
function imagesWire(images: MessageImage[], links: MediaLinks): Array<z.infer<typeof MessageImageWire>> {
  return images.flatMap((image) => {
    const url = links.urlOf(image);
    if (url === null) return [];
    return [
      {
        id: image.id,
        url,
        thumbnail_url: links.thumbnailOf(image),
        width: image.width,
        height: image.height,
        format: image.format,
        bytes: image.bytes,
        seed: image.seed ?? null,
        is_nsfw: image.nsfw === true,
      },
    ];
  });
}
