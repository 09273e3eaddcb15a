import { z } from '@hono/zod-openapi';
import { idSchema } from '../shared/http.js';
import { MAX_PROMPT_CHARS } from '../shared/text.js';
import { parseTemplate } from './placeholders.js';
import type { PromptTemplateRow } from './schema.js';

/** Wire schemas of the templates API (snake_case). The mapping from rows happens here, once. */

const MAX_NAME_CHARS = 100;
const MAX_VARIABLES = 50;

export const TemplateId = idSchema('a template').openapi({ example: '019a0c4e-7a1f-7c35-9d2a-4f6e1b2c3d4e' });
export const TemplateParams = z.object({ id: TemplateId.openapi({ param: { name: 'id', in: 'path' } }) });

const VariableName = z
  .string()
  .regex(/^[a-z_][a-z0-9_]*$/, { message: 'a placeholder name is lowercase letters, digits and "_", not starting with a digit' });
const VariableValue = z.string().max(MAX_PROMPT_CHARS, { message: `a value is at most ${MAX_PROMPT_CHARS} characters` });

/** Values by placeholder name: a template's defaults, a message's variables. */
export const Variables = z
  .record(VariableName, VariableValue)
  .refine((values) => Object.keys(values).length <= MAX_VARIABLES, { message: `at most ${MAX_VARIABLES} values` })
  .openapi({ example: { subject: 'a lighthouse', time: 'dusk' } });

const Name = z.string().trim().min(1, { message: 'name must not be empty' }).max(MAX_NAME_CHARS);
const Text = z
  .string()
  .min(1, { message: 'text must not be empty' })
  .max(MAX_PROMPT_CHARS, { message: `text must be at most ${MAX_PROMPT_CHARS} characters` })
  .openapi({
    description: 'The prompt, with `{name}` placeholders (`[a-z_][a-z0-9_]*`); `{{` and `}}` are literal braces',
    example: '{subject} at {time}, {style}',
  });
const Shared = z.boolean().openapi({ description: "Readable by every member of the organisation; only an organisation's admin may share" });

export const CreateTemplateBody = z
  .object({ name: Name, text: Text, defaults: Variables.optional(), shared: Shared.optional() })
  .openapi('CreateTemplateRequest');

export const UpdateTemplateBody = z
  .object({ name: Name, text: Text, defaults: Variables, shared: Shared })
  .partial()
  .openapi('UpdateTemplateRequest', { description: 'The fields to change; an empty body changes nothing' });

export const Template = z
  .object({
    id: z.string(),
    name: z.string(),
    text: z.string(),
    placeholders: z.array(z.string()).openapi({ description: 'The placeholder names of the text, in order of first use' }),
    defaults: z.record(z.string(), z.string()),
    shared: z.boolean(),
    owned: z.boolean().openapi({ description: 'True when the caller owns it (and so may change or delete it)' }),
    created_at: z.string(),
    updated_at: z.string(),
  })
  .openapi('Template');

export const TemplatePage = z
  .object({ data: z.array(Template), next_cursor: z.string().nullable() })
  .openapi('TemplatePage');

export function toTemplateWire(row: PromptTemplateRow, userId: string): z.infer<typeof Template> {
  const parsed = parseTemplate(row.text);
  return {
    id: row.id,
    name: row.name,
    text: row.text,
    placeholders: parsed.ok ? parsed.names : [],
    defaults: row.defaults,
    shared: row.shared,
    owned: row.userId === userId,
    created_at: row.createdAt.toISOString(),
    updated_at: row.updatedAt.toISOString(),
  };
}
