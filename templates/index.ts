/** The templates service's public face: everything other folders may use. */
export type { TemplatesContext } from './context.js';
export { migrateTemplates } from './migrate.js';
export { promptTemplates, type PromptTemplateRow } from './schema.js';
export { Variables } from './schemas.js';
export { createTemplate, type TemplateFields } from './create-template.js';
export { listTemplates } from './list-templates.js';
export { getTemplate } from './get-template.js';
export { updateTemplate } from './update-template.js';
export { deleteTemplate } from './delete-template.js';
export { renderTemplate } from './render-template.js';
export { registerTemplates } from './routes/templates.js';
