import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  operationsOf,
  resolve,
  schemaProblems,
  type JsonSchema,
  type OpenApiDocument,
  type OperationRef,
} from '../shared/testing/openapi-fuzz.js';
import { startTestAtelier, type TestAtelier } from './test-harness.js';

/**
 * The served `/openapi.json` as a generated client and Swagger UI read it: every operation has a
 * unique name (`operationId`: the SDK's method names), a summary and its security; and the
 * request body Swagger UI's "Try it out" fills in validates against its own schema and is
 * accepted by the server as it stands.
 */

let atelier: TestAtelier;
let document: OpenApiDocument;
let operations: OperationRef[];

beforeAll(async () => {
  atelier = await startTestAtelier();
  document = (await (await fetch(new URL('/openapi.json', atelier.url))).json()) as OpenApiDocument;
  operations = operationsOf(document);
});
afterAll(async () => {
  await atelier?.close();
});

interface SampledSchema extends JsonSchema {
  default?: unknown;
  readOnly?: boolean;
  writeOnly?: boolean;
}

/** What Swagger UI writes for a string of a format it knows (swagger-ui's sample generator). */
const STRING_SAMPLES: Record<string, string> = {
  uuid: '3fa85f64-5717-4562-b3fc-2c963f66afa6',
  'date-time': '2019-08-24T14:15:22.000Z',
  date: '2019-08-24',
  email: 'user@example.com',
  uri: 'https://example.com/',
  url: 'https://example.com/',
  hostname: 'example.com',
};

/**
 * The value Swagger UI puts in a body it is given no example for, kept simple: the schema's
 * `example`, else its `default`, `const` or first `enum` value; else an object of every property
 * sampled, a one-item array, or a placeholder of the type ("string", 0, true). An object offered
 * as alternatives (`anyOf`/`oneOf` beside its properties) is sampled from its properties, all of
 * them, which is why such a schema needs an `example` of its own.
 */
function sample(schema: SampledSchema | undefined, depth = 0): unknown {
  if (!schema || depth > 8) return undefined;
  const flat = schema.$ref ? resolve<SampledSchema>(document, { $ref: schema.$ref }) : schema;
  if (flat !== schema) return sample({ ...flat, ...withoutRef(schema) }, depth + 1);
  if (flat.example !== undefined) return flat.example;
  if (flat.default !== undefined) return flat.default;
  if ('const' in flat) return flat.const;
  if (flat.enum?.length) return flat.enum[0];
  if (flat.allOf?.length) {
    const parts = flat.allOf.map((part) => sample(part, depth + 1));
    return parts.every(isRecord) ? Object.assign({}, ...parts) : parts[0];
  }
  const alternatives = flat.oneOf ?? flat.anyOf;
  if (alternatives?.length && !flat.properties) return sample(alternatives[0], depth + 1);
  const type = (Array.isArray(flat.type) ? flat.type.find((t) => t !== 'null') : flat.type) ?? (flat.properties ? 'object' : undefined);
  switch (type) {
    case 'object':
      return Object.fromEntries(
        Object.entries(flat.properties ?? {})
          .filter(([, property]) => !(property as SampledSchema).readOnly)
          .map(([name, property]) => [name, sample(property, depth + 1)]),
      );
    case 'array':
      return [sample(flat.items, depth + 1)];
    case 'string': {
      const text = (flat.format && STRING_SAMPLES[flat.format]) ?? 'string';
      return flat.minLength && text.length < flat.minLength ? text.padEnd(flat.minLength, 'x') : text;
    }
    case 'integer':
    case 'number':
      return flat.minimum ?? (flat.exclusiveMinimum === undefined ? 0 : flat.exclusiveMinimum + 1);
    case 'boolean':
      return true;
    case 'null':
      return null;
    default:
      return undefined;
  }
}

function withoutRef(schema: SampledSchema): SampledSchema {
  const { $ref: _ref, ...rest } = schema;
  return rest;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

const name = (operation: OperationRef) => `${operation.method.toUpperCase()} ${operation.path}`;

/** The operations that take a JSON body, with the body "Try it out" starts from. */
function jsonBodies(): Array<{ operation: OperationRef; schema: JsonSchema; example: unknown }> {
  return operations.flatMap((operation) => {
    const body = operation.operation.requestBody;
    const media = body ? resolve(document, body).content?.['application/json'] : undefined;
    if (!media?.schema) return [];
    const example = media.example ?? sample(media.schema);
    return [{ operation, schema: media.schema, example }];
  });
}

describe('the served OpenAPI document', () => {
  it('names every operation, once, in camelCase, and gives each a summary and tags', () => {
    expect(operations.length).toBeGreaterThan(50);
    const ids = operations.map((operation) => operation.operation.operationId);
    expect(operations.filter((operation) => !operation.operation.operationId).map(name)).toEqual([]);
    expect(ids.filter((id, index) => ids.indexOf(id) !== index)).toEqual([]);
    expect(ids.filter((id) => !/^[a-z][a-zA-Z0-9]*$/.test(id ?? ''))).toEqual([]);
    expect(operations.filter((operation) => !operation.operation.summary?.trim()).map(name)).toEqual([]);
    expect(operations.filter((operation) => !operation.operation.tags?.length).map(name)).toEqual([]);
  });

  it('says how to authenticate: bearer by default, `security: []` on the public operations', () => {
    expect(document).toMatchObject({ security: [{ bearerAuth: [] }], components: { securitySchemes: { bearerAuth: { type: 'http', scheme: 'bearer' } } } });
    const publicOnes = operations.filter((operation) => Array.isArray(operation.operation.security) && operation.operation.security.length === 0).map(name);
    expect(publicOnes).toEqual(expect.arrayContaining(['GET /health', 'GET /openapi.json', 'GET /asyncapi.json', 'POST /v1/auth/login/', 'GET /media/{key}']));
    // Every one that is not public answers 401 when the credential is missing, and says so.
    const unguarded = operations.filter((operation) => !publicOnes.includes(name(operation)) && !operation.operation.responses?.['401']).map(name);
    expect(unguarded).toEqual([]);
  });

  it('gives every JSON request body an example that validates against its own schema', () => {
    const bodies = jsonBodies();
    expect(bodies.length).toBeGreaterThan(20);
    const problems = bodies.flatMap(({ operation, schema, example }) =>
      example === undefined ? [`${name(operation)}: no example`] : schemaProblems(document, schema, example, name(operation)),
    );
    expect(problems).toEqual([]);
  });

  it('"Try it out" unchanged: the server accepts every example body (no 400 for it)', { timeout: 60_000 }, async () => {
    const refused: string[] = [];
    for (const { operation, example } of jsonBodies()) {
      // Path parameters as Swagger UI would fill them: their example, else a placeholder (an id that is nobody's: 404 is fine).
      const target = operation.path.replace(/\{(\w+)\}/g, (_match, parameter: string) => {
        const declared = operation.parameters.find((p) => p.in === 'path' && p.name === parameter);
        return encodeURIComponent(String(sample(declared?.schema) ?? '3fa85f64-5717-4562-b3fc-2c963f66afa6'));
      });
      const response = await atelier.api(operation.method.toUpperCase(), target, example);
      // The webhook's example host (example.com, which resolves on the Internet) is checked by a
      // DNS lookup, and the tests run with no DNS.
      const details: Array<{ message?: string }> = response.body?.error?.details ?? [];
      if (details.length > 0 && details.every((detail) => /does not resolve/.test(detail.message ?? ''))) continue;
      if (response.status === 400 || response.status === 422) {
        refused.push(`${name(operation)} ${response.status} ${JSON.stringify(response.body?.error?.details ?? response.body)}: sent ${JSON.stringify(example)}`);
      }
    }
    expect(refused).toEqual([]);
  });
});
