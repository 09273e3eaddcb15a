import fc from 'fast-check';

/**
 * Property-based fuzzing driven by an OpenAPI 3.1 document: fast-check arbitraries for the JSON
 * Schemas in it, requests for its operations (valid and invalid paths, queries, headers and
 * bodies), and the check that a response is one the document declares. Used by
 * gateway/openapi-fuzz.test.ts against the served `/openapi.json`.
 */

// ── the part of OpenAPI 3.1 this reads ───────────────────────────────────────────────────────

export type JsonType = 'string' | 'number' | 'integer' | 'boolean' | 'object' | 'array' | 'null';

export interface JsonSchema {
  $ref?: string;
  type?: JsonType | JsonType[];
  enum?: unknown[];
  const?: unknown;
  format?: string;
  pattern?: string;
  minLength?: number;
  maxLength?: number;
  minimum?: number;
  maximum?: number;
  exclusiveMinimum?: number;
  exclusiveMaximum?: number;
  items?: JsonSchema;
  minItems?: number;
  maxItems?: number;
  properties?: Record<string, JsonSchema>;
  required?: string[];
  additionalProperties?: boolean | JsonSchema;
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  allOf?: JsonSchema[];
  /** OpenAPI 3.0's spelling of `type: [..., 'null']`, still met in documents. */
  nullable?: boolean;
  example?: unknown;
}

export interface Reference {
  $ref: string;
}

export interface Parameter {
  name: string;
  in: 'path' | 'query' | 'header' | 'cookie';
  required?: boolean;
  schema?: JsonSchema;
}

export interface MediaType {
  schema?: JsonSchema;
  example?: unknown;
}

export interface Header {
  required?: boolean;
  schema?: JsonSchema;
}

export interface ResponseObject {
  description: string;
  headers?: Record<string, Header | Reference>;
  content?: Record<string, MediaType>;
}

export interface Operation {
  operationId?: string;
  summary?: string;
  tags?: string[];
  /** Absent: the document's default; `[]`: public. */
  security?: Array<Record<string, string[]>>;
  parameters?: Array<Parameter | Reference>;
  requestBody?: { required?: boolean; content: Record<string, MediaType> } | Reference;
  responses: Record<string, ResponseObject | Reference>;
}

export const HTTP_METHODS = ['get', 'put', 'post', 'delete', 'patch', 'head', 'options', 'trace'] as const;
export type HttpMethod = (typeof HTTP_METHODS)[number];

export type PathItem = { parameters?: Array<Parameter | Reference> } & { [method in HttpMethod]?: Operation };

export interface OpenApiDocument {
  openapi: string;
  info: { title: string; version: string };
  paths: Record<string, PathItem>;
  components?: Record<string, Record<string, unknown>>;
}

/** One operation of the document: a method on a path. */
export interface OperationRef {
  method: HttpMethod;
  path: string;
  operation: Operation;
  /** The path item's parameters and the operation's, references resolved. */
  parameters: Parameter[];
}

function isReference(value: unknown): value is Reference {
  return typeof value === 'object' && value !== null && typeof (value as { $ref?: unknown }).$ref === 'string';
}

/** Follows a local `$ref` (`#/components/...`), as many hops as it takes. */
export function resolve<T extends object>(document: OpenApiDocument, value: T | Reference): T {
  let current: unknown = value;
  for (let hops = 0; isReference(current); hops += 1) {
    if (hops > 32 || !current.$ref.startsWith('#/')) throw new Error(`cannot resolve ${current.$ref}`);
    current = current.$ref
      .slice(2)
      .split('/')
      .map((part) => part.replaceAll('~1', '/').replaceAll('~0', '~'))
      .reduce<unknown>((node, part) => (typeof node === 'object' && node !== null ? (node as Record<string, unknown>)[part] : undefined), document);
    if (current === undefined) throw new Error(`${(value as Reference).$ref} is not in the document`);
  }
  return current as T;
}

/** Every operation of the document, in document order. */
export function operationsOf(document: OpenApiDocument): OperationRef[] {
  return Object.entries(document.paths).flatMap(([path, item]) =>
    HTTP_METHODS.flatMap((method) => {
      const operation = item[method];
      if (!operation) return [];
      const byKey = new Map<string, Parameter>();
      for (const parameter of [...(item.parameters ?? []), ...(operation.parameters ?? [])]) {
        const resolved = resolve<Parameter>(document, parameter);
        byKey.set(`${resolved.in}:${resolved.name}`, resolved);
      }
      return [{ method, path, operation, parameters: [...byKey.values()] }];
    }),
  );
}

// ── values for schemas ────────────────────────────────────────────────────────────────────────

/** Past this depth, objects get only their required properties and arrays stay empty. */
const MAX_DEPTH = 6;
/** Past this one, a schema that requires itself gets null: building its arbitrary must end. */
const HARD_DEPTH = MAX_DEPTH + 4;

function typesOf(schema: JsonSchema): JsonType[] {
  const types = schema.type === undefined ? [] : Array.isArray(schema.type) ? [...schema.type] : [schema.type];
  if (schema.nullable && !types.includes('null')) types.push('null');
  return types;
}

/** A schema with its `$ref` and `allOf` folded in, so the rest reads one plain schema. */
function flatten(document: OpenApiDocument, schema: JsonSchema): JsonSchema {
  let flat = schema.$ref ? flatten(document, resolve<JsonSchema>(document, { $ref: schema.$ref })) : schema;
  if (flat.allOf?.length) {
    const { allOf, ...rest } = flat;
    flat = allOf.map((part) => flatten(document, part)).reduce<JsonSchema>(
      (merged, part) => ({
        ...merged,
        ...part,
        properties: { ...merged.properties, ...part.properties },
        required: [...(merged.required ?? []), ...(part.required ?? [])],
      }),
      rest,
    );
  }
  return flat;
}

/** Values the schema accepts. */
export function validValue(document: OpenApiDocument, schema: JsonSchema, depth = 0): fc.Arbitrary<unknown> {
  if (depth > HARD_DEPTH) return fc.constant(null);
  const flat = flatten(document, schema);
  if ('const' in flat) return fc.constant(flat.const);
  if (flat.enum?.length) return fc.constantFrom(...flat.enum);
  const alternatives = flat.anyOf ?? flat.oneOf;
  if (alternatives?.length && flat.properties) {
    // An object that is one of several shapes (`anyOf: [{required: [a]}, {required: [b]}]`): each
    // alternative with the object's own properties and requirements.
    const { anyOf: _anyOf, oneOf: _oneOf, ...base } = flat;
    return fc.oneof(
      ...alternatives.map((alternative) => {
        const part = flatten(document, alternative);
        const required = [...(base.required ?? []), ...(part.required ?? [])];
        return validValue(document, { ...base, ...part, properties: { ...base.properties, ...part.properties }, required }, depth);
      }),
    );
  }
  if (alternatives?.length) return fc.oneof(...alternatives.map((alternative) => validValue(document, alternative, depth + 1)));
  const types = typesOf(flat);
  if (types.length === 0) return fc.jsonValue({ maxDepth: 2 });
  return fc.oneof(...types.map((type) => validOfType(document, flat, type, depth)));
}

function validOfType(document: OpenApiDocument, schema: JsonSchema, type: JsonType, depth: number): fc.Arbitrary<unknown> {
  switch (type) {
    case 'null':
      return fc.constant(null);
    case 'boolean':
      return fc.boolean();
    case 'integer': {
      const { min, max } = bounds(schema);
      return fc.integer({ min: Math.ceil(Math.max(min, Number.MIN_SAFE_INTEGER)), max: Math.floor(Math.min(max, Number.MAX_SAFE_INTEGER)) });
    }
    case 'number': {
      const { min, max } = bounds(schema);
      return fc.double({ min: Math.max(min, -1e12), max: Math.min(max, 1e12), noNaN: true, noDefaultInfinity: true });
    }
    case 'string':
      return validString(schema);
    case 'array': {
      const minLength = schema.minItems ?? 0;
      const maxLength = depth >= MAX_DEPTH ? minLength : Math.min(schema.maxItems ?? minLength + 3, minLength + 3);
      return fc.array(schema.items ? validValue(document, schema.items, depth + 1) : fc.jsonValue({ maxDepth: 1 }), { minLength, maxLength });
    }
    case 'object': {
      const properties = Object.entries(schema.properties ?? {});
      const required = new Set(schema.required ?? []);
      const kept = depth >= MAX_DEPTH ? properties.filter(([name]) => required.has(name)) : properties;
      const model = (names: Array<[string, JsonSchema]>) => Object.fromEntries(names.map(([name, property]) => [name, validValue(document, property, depth + 1)]));
      const requiredKeys = kept.map(([name]) => name).filter((name) => required.has(name));
      // Often just the required properties: optional ones together tend to rule each other out.
      const record = fc.oneof(
        { weight: 2, arbitrary: fc.record(model(kept), { requiredKeys }) },
        { weight: 1, arbitrary: fc.record(model(kept.filter(([name]) => required.has(name)))) },
      );
      const extra = schema.additionalProperties;
      if (typeof extra !== 'object' || depth >= MAX_DEPTH) return record;
      const names = fc.string({ minLength: 1, maxLength: 12 }).filter((name) => !(name in (schema.properties ?? {})));
      return fc
        .tuple(record, fc.dictionary(names, validValue(document, extra, depth + 1), { maxKeys: 3 }))
        .map(([known, more]) => ({ ...more, ...known }));
    }
  }
}

/** The schema's numeric range, exclusive bounds narrowed to the nearest accepted whole step. */
function bounds(schema: JsonSchema): { min: number; max: number } {
  const step = typesOf(schema).includes('integer') ? 1 : 1e-6;
  return {
    min: schema.exclusiveMinimum !== undefined ? schema.exclusiveMinimum + step : (schema.minimum ?? -(2 ** 31)),
    max: schema.exclusiveMaximum !== undefined ? schema.exclusiveMaximum - step : (schema.maximum ?? 2 ** 31 - 1),
  };
}

const EPOCH = new Date('1970-01-01T00:00:00.000Z');
const FAR_FUTURE = new Date('2199-12-31T23:59:59.999Z');

function validString(schema: JsonSchema): fc.Arbitrary<string> {
  const minLength = schema.minLength ?? 0;
  const maxLength = schema.maxLength ?? Number.MAX_SAFE_INTEGER;
  const fits = (value: string) => value.length >= minLength && value.length <= maxLength;
  switch (schema.format) {
    case 'uuid':
      return fc.uuid();
    case 'date-time':
      return fc.date({ min: EPOCH, max: FAR_FUTURE, noInvalidDate: true }).map((date) => date.toISOString());
    case 'date':
      return fc.date({ min: EPOCH, max: FAR_FUTURE, noInvalidDate: true }).map((date) => date.toISOString().slice(0, 10));
    case 'uri':
    case 'url':
      return fc.webUrl().filter(fits);
    case 'email':
      return fc.emailAddress().filter(fits);
  }
  if (schema.pattern) return fc.stringMatching(new RegExp(schema.pattern)).filter(fits);
  const example = typeof schema.example === 'string' && fits(schema.example) ? [{ weight: 3, arbitrary: fc.constant(schema.example) }] : [];
  // Mostly short; sometimes at the limit, where off-by-one bugs live.
  const upper = Math.min(maxLength, minLength + 40);
  const plain = fc.oneof(
    { weight: 3, arbitrary: fc.string({ minLength, maxLength: upper }) },
    { weight: 1, arbitrary: fc.string({ minLength, maxLength: upper, unit: 'grapheme' }) },
  );
  const atLimit = schema.maxLength === undefined ? [] : [{ weight: 1, arbitrary: fc.constant('y'.repeat(schema.maxLength)) }];
  return fc.oneof(...[{ weight: 4, arbitrary: plain }, ...atLimit, ...example]).filter(fits);
}

/**
 * The schema's example with its numbers changed ("16:9" → "0:9", "16:99999", "-1:1.5"): text
 * that looks right and often is not, where hand-written parsers divide by zero or overflow.
 */
function exampleVariants(example: string): fc.Arbitrary<string> {
  const runs = example.match(/\d+/g)?.length ?? 0;
  const number = fc.oneof(fc.constantFrom('0', '00', '-1', '1.5', '99999', '1e3', ''), fc.integer({ min: 1, max: 10_000 }).map(String));
  return fc.array(number, { minLength: runs, maxLength: runs }).map((numbers) => {
    let index = 0;
    return example.replace(/\d+/g, () => numbers[index++] ?? '');
  });
}

/** Strings a store or a parser is likely to choke on; valid JSON, refused by a careful server. */
export const hostileString: fc.Arbitrary<string> = fc.oneof(
  fc.string({ maxLength: 6 }).map((text) => `${text}\u0000${text}`),
  fc.constantFrom('\ud800', 'a\udfffb', '\u0000', '\u202e\u0000'),
);

/** `{"a":{"a":…}}` or `[[…]]`, `levels` deep: deeper than any body this API takes. */
export function deeplyNested(levels: number, kind: 'object' | 'array'): unknown {
  let value: unknown = 'bottom';
  for (let level = 0; level < levels; level += 1) value = kind === 'object' ? { a: value } : [value];
  return value;
}

const deepValue = fc.tuple(fc.integer({ min: 33, max: 400 }), fc.constantFrom('object' as const, 'array' as const)).map(([levels, kind]) => deeplyNested(levels, kind));

/** A JSON value of each type, to stand where another type belongs. */
const BY_TYPE: Array<{ type: JsonType; arbitrary: fc.Arbitrary<unknown> }> = [
  { type: 'string', arbitrary: fc.string({ maxLength: 8 }) },
  { type: 'boolean', arbitrary: fc.boolean() },
  { type: 'null', arbitrary: fc.constant(null) },
  { type: 'object', arbitrary: fc.dictionary(fc.string({ maxLength: 4 }), fc.integer(), { maxKeys: 2 }) },
  { type: 'array', arbitrary: fc.array(fc.integer(), { maxLength: 2 }) },
  { type: 'number', arbitrary: fc.double({ noNaN: true, noDefaultInfinity: true }).filter((value) => !Number.isInteger(value)) },
  { type: 'integer', arbitrary: fc.integer() },
];

/**
 * Values the schema refuses: another type, out of range, too long or short, not in the enum, a
 * broken format, a required property missing, an unknown one, one property broken deep inside;
 * and values the schema allows but a careful server refuses (NUL characters, lone surrogates,
 * nesting deeper than any real body).
 */
export function invalidValue(document: OpenApiDocument, schema: JsonSchema, depth = 0): fc.Arbitrary<unknown> {
  if (depth > HARD_DEPTH) return fc.constant(undefined);
  const flat = flatten(document, schema);
  const types = typesOf(flat);
  const accepts = (type: JsonType) => types.length === 0 || types.includes(type) || (type === 'integer' && types.includes('number'));
  const wrongTypes = BY_TYPE.filter(({ type }) => !accepts(type)).map(({ arbitrary }) => arbitrary);
  const options: Array<fc.Arbitrary<unknown>> = wrongTypes.length > 0 ? [fc.oneof(...wrongTypes)] : [];
  // A whole body nested deep is the request builder's; here, deep inside one.
  if (depth === 1) options.push(deepValue);

  if (flat.enum?.length) {
    const allowed = flat.enum;
    const shouted = allowed.filter((value) => typeof value === 'string').map((value) => value.toUpperCase());
    options.push(fc.oneof(fc.string({ maxLength: 10 }), fc.constantFrom(...shouted, 'NOT-ONE-OF-THEM')).filter((value) => !allowed.includes(value)));
  }
  if (types.includes('string')) options.push(...invalidStrings(flat));
  if (types.includes('integer') || types.includes('number')) options.push(...invalidNumbers(flat, types.includes('integer') && !types.includes('number')));
  if (types.includes('array') && depth < MAX_DEPTH) {
    if (flat.maxItems !== undefined && flat.items) options.push(fc.array(validValue(document, flat.items, depth + 1), { minLength: flat.maxItems + 1, maxLength: flat.maxItems + 3 }));
    const items = validValue(document, { ...flat, type: 'array' }, depth).map((value) => value as unknown[]);
    if (flat.items) options.push(fc.tuple(items, invalidValue(document, flat.items, depth + 1)).map(([good, bad]) => [...good, bad]));
  }
  if (types.includes('object') && depth < MAX_DEPTH) options.push(...invalidObjects(document, flat, depth));
  return options.length === 0 ? fc.constant(undefined) : fc.oneof(...options);
}

function invalidStrings(schema: JsonSchema): Array<fc.Arbitrary<unknown>> {
  const options: Array<fc.Arbitrary<unknown>> = [hostileString];
  if (typeof schema.example === 'string' && /\d/.test(schema.example)) options.push(exampleVariants(schema.example));
  if (schema.maxLength !== undefined) {
    const over = schema.maxLength + 1;
    options.push(fc.integer({ min: over, max: over + 64 }).map((length) => 'x'.repeat(length)));
  }
  if ((schema.minLength ?? 0) > 0) options.push(fc.constantFrom('', ' ', ' \n\t '));
  if (schema.pattern) {
    const pattern = new RegExp(schema.pattern);
    options.push(fc.string({ maxLength: 300 }).filter((value) => !pattern.test(value)));
  }
  const broken: Record<string, string[]> = {
    uuid: ['not-a-uuid', '0190f2d2-7f6a-7b3e-8c4d', '{0190f2d2-7f6a-7b3e-8c4d-5e6f7a8b9c0d}', '0190f2d2-7f6a-7b3e-8c4d-5e6f7a8b9c0dz', 'g190f2d2-7f6a-7b3e-8c4d-5e6f7a8b9c0d'],
    'date-time': ['yesterday', '2025-02-30T00:00:00Z', '2025-01-01', '2025-01-01T25:00:00Z'],
    uri: ['javascript:alert(1)', 'not a url', 'ftp://files.example/a.png', 'http://', '//example.com/a.png', 'file:///etc/passwd'],
  };
  broken.url = broken.uri ?? [];
  const known = schema.format === undefined ? undefined : broken[schema.format];
  if (known) options.push(fc.constantFrom(...known));
  return options;
}

function invalidNumbers(schema: JsonSchema, integerOnly: boolean): Array<fc.Arbitrary<unknown>> {
  const options: Array<fc.Arbitrary<unknown>> = [fc.constantFrom(1e308, -1e308, 2 ** 53 + 2, -(2 ** 63))];
  const low = schema.exclusiveMinimum ?? schema.minimum;
  const high = schema.exclusiveMaximum ?? schema.maximum;
  if (low !== undefined) options.push(fc.integer({ min: 0, max: 1000 }).map((below) => low - below - (schema.exclusiveMinimum === undefined ? 1 : 0)));
  if (high !== undefined) options.push(fc.integer({ min: 0, max: 1000 }).map((above) => high + above + (schema.exclusiveMaximum === undefined ? 1 : 0)));
  if (integerOnly) options.push(fc.constantFrom(0.5, 1.5, 64.25, -0.1));
  options.push(fc.integer({ min: 0, max: 99 }).map(String));
  return options;
}

function invalidObjects(document: OpenApiDocument, schema: JsonSchema, depth: number): Array<fc.Arbitrary<unknown>> {
  const asObject = validValue(document, { ...schema, type: 'object' }, depth).map((value) => value as Record<string, unknown>);
  const options: Array<fc.Arbitrary<unknown>> = [];
  const required = (schema.required ?? []).filter((name) => name in (schema.properties ?? {}));
  if (required.length > 0) {
    options.push(fc.tuple(asObject, fc.constantFrom(...required)).map(([value, name]) => Object.fromEntries(Object.entries(value).filter(([key]) => key !== name))));
  }
  // Unknown fields: refused where additionalProperties is false, ignored elsewhere; never a 5xx.
  const unknownName = fc.oneof(fc.constantFrom('__proto__', 'constructor', 'extra', 'ID'), fc.string({ minLength: 1, maxLength: 12 })).filter((name) => !(name in (schema.properties ?? {})));
  options.push(fc.tuple(asObject, unknownName, fc.jsonValue({ maxDepth: 1 })).map(([value, name, extra]) => ({ ...value, [name]: extra })));
  const properties = Object.entries(schema.properties ?? {});
  if (properties.length > 0) {
    options.push(
      fc.constantFrom(...properties).chain(([name, property]) =>
        fc.tuple(asObject, invalidValue(document, property, depth + 1)).map(([value, bad]) => ({ ...value, [name]: bad })),
      ),
    );
  }
  return options;
}

/** The value in about one request of `every`, else nothing. */
function sometimes<T>(arbitrary: fc.Arbitrary<T>, every: number): fc.Arbitrary<T | undefined> {
  return fc.oneof({ weight: every - 1, arbitrary: fc.constant(undefined) }, { weight: 1, arbitrary });
}

// ── requests ─────────────────────────────────────────────────────────────────────────────────

export interface FuzzRequest {
  method: string;
  /** Path and query, percent-encoded, as sent. */
  target: string;
  headers: Record<string, string>;
  body: string | undefined;
  /** Sent in chunks with no Content-Length: the server must count it as it streams. */
  chunked: boolean;
  /** How many copies go at once: races (the same idempotency key, the same delete) must not 5xx. */
  copies: number;
}

export interface RequestOptions {
  /**
   * Values known to mean something for a parameter: an id made in setup, a stored file's key
   * (path values in URL form), a cursor a listing returned, an idempotency key used again.
   */
  knownValues: (path: string, parameter: string) => readonly string[];
  /** The server's body limit: some bodies go just past it. */
  bodyLimitBytes: number;
  /** The `Authorization` header each request carries (undefined: none). */
  credential?: fc.Arbitrary<string | undefined>;
}

/**
 * Dot segments would be resolved away by the URL parser, sending the request to another path;
 * a request line past Node's header limit gets Node's own 431 before any route sees it.
 */
const DOT_SEGMENT = /^(?:\.|%2e){1,2}$/i;
const MAX_SEGMENT = 600;

/** A value as text in a URL or a header: strings as they are, anything else as JSON. */
function asText(value: unknown): string {
  return typeof value === 'string' ? value : (JSON.stringify(value) ?? '');
}

/** encodeURIComponent, with lone surrogates (which no URL can carry) as U+FFFD instead of a URIError. */
function encode(value: string): string {
  return encodeURIComponent(value.replace(/[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g, '\ufffd'));
}

function pathValue(document: OpenApiDocument, operation: OperationRef, parameter: Parameter, options: RequestOptions): fc.Arbitrary<string> {
  const known = options.knownValues(operation.path, parameter.name);
  const schema = parameter.schema ?? {};
  const encoded = (arbitrary: fc.Arbitrary<unknown>) => arbitrary.map((value) => encode(asText(value))).filter((value) => value.length > 0 && value.length <= MAX_SEGMENT && !DOT_SEGMENT.test(value));
  const choices = [
    { weight: 2, arbitrary: encoded(validValue(document, schema)) },
    { weight: 1, arbitrary: encoded(invalidValue(document, schema)) },
    { weight: 1, arbitrary: encoded(fc.oneof(fc.string({ minLength: 1, maxLength: 30, unit: 'grapheme' }), fc.integer({ min: 256, max: 400 }).map((length) => 'a'.repeat(length)))) },
    { weight: 1, arbitrary: fc.constantFrom('%00', '%2F', 'a%2Fb', '%E0%A4%A', '%', '%25', '%C0%AE%C0%AE', '..%2F..%2Fetc', 'CON') },
  ];
  if (known.length > 0) {
    choices.push({ weight: 6, arbitrary: fc.constantFrom(...known) });
    choices.push({ weight: 1, arbitrary: fc.constantFrom(...known).map((value) => value.toUpperCase()) });
  }
  return fc.oneof(...choices);
}

/** Query values are text: a schema's values written out, known ones, or anything at all. */
function queryValue(document: OpenApiDocument, schema: JsonSchema, known: readonly string[]): fc.Arbitrary<string> {
  return fc
    .oneof(
      ...(known.length > 0 ? [{ weight: 4, arbitrary: fc.constantFrom(...known) }] : []),
      { weight: 4, arbitrary: validValue(document, schema).map(asText) },
      { weight: 1, arbitrary: invalidValue(document, schema).map(asText) },
      { weight: 1, arbitrary: fc.constantFrom('', ' ', '%', '\u0000', 'null', 'undefined', 'NaN', '1e3', '-0', '0x10', '[]', '{}') },
    )
    .filter((value) => encode(value).length <= 2 * MAX_SEGMENT);
}

function queryPairs(document: OpenApiDocument, operation: OperationRef, parameters: Parameter[], options: RequestOptions): fc.Arbitrary<Array<[string, string]>> {
  const perParameter = parameters.map((parameter) => {
    const value = queryValue(document, parameter.schema ?? {}, options.knownValues(operation.path, parameter.name));
    return fc.oneof(
      ...(parameter.required ? [] : [{ weight: 4, arbitrary: fc.constant<Array<[string, string]>>([]) }]),
      { weight: 4, arbitrary: value.map((text): Array<[string, string]> => [[parameter.name, text]]) },
      // Repeated: most servers read the first, some an array; either way, no 5xx.
      { weight: 1, arbitrary: fc.tuple(value, value).map(([first, second]): Array<[string, string]> => [[parameter.name, first], [parameter.name, second]]) },
    );
  });
  const unknown = sometimes(fc.tuple(fc.constantFrom('__proto__', 'constructor', 'foo', 'LIMIT', 'toString'), fc.string({ maxLength: 8 })), 4);
  return fc.tuple(fc.tuple(...perParameter), unknown).map(([pairs, extra]) => [...pairs.flat(), ...(extra ? [extra] : [])]);
}

/** Header values fetch can send: Latin-1, no control characters, no surrounding white space. */
const sendableHeader = (value: string) => /^[\x21-\x7e\x80-\xff]([\x20-\x7e\x80-\xff]*[\x21-\x7e\x80-\xff])?$/.test(value) && value.length <= 2 * MAX_SEGMENT;

function headerValue(document: OpenApiDocument, schema: JsonSchema, known: readonly string[]): fc.Arbitrary<string> {
  return fc
    .oneof(
      ...(known.length > 0 ? [{ weight: 3, arbitrary: fc.constantFrom(...known) }] : []),
      { weight: 3, arbitrary: validValue(document, schema).map(asText) },
      { weight: 1, arbitrary: invalidValue(document, schema).map(asText) },
      { weight: 1, arbitrary: fc.constantFrom('has space', 'ü-latin1', 'x'.repeat(256), '""', 'a,b') },
    )
    .filter(sendableHeader);
}

const JSON_TYPES = ['application/json', 'application/json; charset=utf-8', 'application/vnd.atelier+json'];
const OTHER_TYPES = ['text/plain', 'application/x-www-form-urlencoded', 'multipart/form-data; boundary=x', 'application/xml', 'application/jsonx', ''];

const malformedJson = fc.oneof(
  fc.constantFrom('{', '{"a":', '[1,]', "{'a':1}", 'nul', '{"a":1}}', '\u0000', '\ufeff{}', '{"a":"\\ud800"}', '{"a":"\\u0000"}', '"\\u0000"'),
  fc.string({ maxLength: 40 }),
);

function bodyFor(document: OpenApiDocument, operation: OperationRef, options: RequestOptions): fc.Arbitrary<{ body: string | undefined; type: string | undefined }> {
  if (operation.method === 'get' || operation.method === 'head') return fc.constant({ body: undefined, type: undefined });
  const declared = operation.operation.requestBody && resolve(document, operation.operation.requestBody);
  const schema = declared?.content['application/json']?.schema;
  const json = (arbitrary: fc.Arbitrary<unknown>) => arbitrary.map((value) => JSON.stringify(value) ?? 'null');
  // A well-formed body with one field grown to around the limit: just under it, or past it.
  const names = Object.keys((schema && flatten(document, schema).properties) ?? {});
  const shaped = schema ? validValue(document, schema).map((value) => (typeof value === 'object' && value !== null && !Array.isArray(value) ? value : {})) : fc.constant({});
  const huge = fc
    .tuple(shaped, fc.constantFrom(...names, 'text'), fc.integer({ min: options.bodyLimitBytes - 64, max: options.bodyLimitBytes * 2 }))
    .map(([value, name, length]) => JSON.stringify({ ...value, [name]: 'x'.repeat(length) }));
  const deep = fc.integer({ min: 30, max: 5000 }).map((levels) => '['.repeat(levels) + ']'.repeat(levels));
  const text = fc.oneof(
    ...(schema ? [{ weight: 6, arbitrary: json(validValue(document, schema)) }, { weight: 6, arbitrary: json(invalidValue(document, schema)) }] : []),
    { weight: 2, arbitrary: json(fc.jsonValue({ maxDepth: 2 })) },
    { weight: 1, arbitrary: malformedJson },
    { weight: 1, arbitrary: huge },
    { weight: 1, arbitrary: deep },
  );
  const type = fc.oneof({ weight: 8, arbitrary: fc.constantFrom(...JSON_TYPES) }, { weight: 2, arbitrary: fc.constantFrom(...OTHER_TYPES) });
  const withBody = fc.record({ body: text, type }).map(({ body, type: contentType }) => ({ body, type: contentType || undefined }));
  const none = fc.record({ body: fc.constant(undefined), type: sometimes(fc.constantFrom(...JSON_TYPES), 2) });
  // A route with no body still has its body read by a server that reads every POST's.
  return fc.oneof({ weight: schema ? 1 : 3, arbitrary: none }, { weight: schema ? 9 : 1, arbitrary: withBody });
}

/** Requests for one operation: mostly well-formed, with every part sometimes wrong. */
export function requestArbitrary(document: OpenApiDocument, operation: OperationRef, options: RequestOptions): fc.Arbitrary<FuzzRequest> {
  const pathParameters = operation.parameters.filter((parameter) => parameter.in === 'path');
  const queryParameters = operation.parameters.filter((parameter) => parameter.in === 'query');
  const headerParameters = operation.parameters.filter((parameter) => parameter.in === 'header');

  const path = fc.tuple(...pathParameters.map((parameter) => pathValue(document, operation, parameter, options))).map((values) =>
    pathParameters.reduce((filled, parameter, index) => filled.replace(`{${parameter.name}}`, values[index] ?? ''), operation.path),
  );
  const headers = fc
    .tuple(
      fc.tuple(
        ...headerParameters.map((parameter) => {
          const value = headerValue(document, parameter.schema ?? {}, options.knownValues(operation.path, parameter.name));
          return parameter.required ? value : sometimes(value, 2);
        }),
      ),
      // Headers every client may send, whether or not the operation reads them.
      sometimes(fc.oneof(fc.uuid(), fc.string({ minLength: 1, maxLength: 20 }).filter(sendableHeader)), 3),
      sometimes(fc.constantFrom('https://ui.example', 'null', 'http://localhost:3000'), 3),
      sometimes(fc.oneof(fc.uuid(), fc.constantFrom('trace-123', 'has space', 'x'.repeat(300))), 4),
      options.credential ?? fc.constant(undefined),
    )
    .map(([declared, idempotencyKey, origin, requestId, authorization]) => {
      const result: Record<string, string> = {};
      if (authorization !== undefined) result.authorization = authorization;
      if (idempotencyKey !== undefined) result['idempotency-key'] = idempotencyKey;
      headerParameters.forEach((parameter, index) => {
        const value = declared[index];
        if (value !== undefined) result[parameter.name.toLowerCase()] = value;
      });
      if (origin !== undefined) result.origin = origin;
      if (requestId !== undefined) result['x-request-id'] = requestId;
      return result;
    });

  const chunked = fc.integer({ min: 0, max: 4 }).map((draw) => draw === 0);
  const copies = fc.oneof({ weight: 5, arbitrary: fc.constant(1) }, { weight: 1, arbitrary: fc.integer({ min: 2, max: 3 }) });
  const parts = { path, query: queryPairs(document, operation, queryParameters, options), headers, body: bodyFor(document, operation, options), chunked, copies };
  return fc.record(parts).map(({ path: filled, query, headers: sent, body, chunked: streamed, copies: count }) => {
    const search = new URLSearchParams(query).toString();
    const request: FuzzRequest = {
      method: operation.method.toUpperCase(),
      target: search ? `${filled}?${search}` : filled,
      headers: body.type === undefined ? sent : { ...sent, 'content-type': body.type },
      body: body.body,
      chunked: streamed && body.body !== undefined,
      copies: count,
    };
    return Object.assign(request, { [fc.toStringMethod]: () => describeRequest(request) });
  });
}

/** A request as a failure report shows it: a long body is cut, so the report stays readable. */
export function describeRequest(request: FuzzRequest): string {
  const body = request.body === undefined ? '' : ` body(${request.body.length}): ${JSON.stringify(request.body.length > 300 ? `${request.body.slice(0, 300)}…` : request.body)}`;
  return `${request.method} ${request.target.length > 300 ? `${request.target.slice(0, 300)}…` : request.target}${request.chunked ? ' (chunked)' : ''}${request.copies > 1 ? ` (${request.copies} at once)` : ''} headers: ${JSON.stringify(request.headers, (_key, value: unknown) => (typeof value === 'string' && value.length > 100 ? `${value.slice(0, 100)}…` : value))}${body}`;
}

// ── responses ────────────────────────────────────────────────────────────────────────────────

/**
 * Headers any HTTP answer may carry, declared by no API: transport, caching, CORS, and the
 * security headers every response gets (gateway/middleware/response-headers.ts).
 */
const STANDARD_HEADERS = new Set([
  'content-type',
  'content-length',
  'date',
  'connection',
  'keep-alive',
  'vary',
  'transfer-encoding',
  'cache-control',
  'etag',
  'last-modified',
  'accept-ranges',
  'cross-origin-resource-policy',
  'cross-origin-opener-policy',
  'origin-agent-cluster',
  'referrer-policy',
  'strict-transport-security',
  'x-content-type-options',
  'x-dns-prefetch-control',
  'x-download-options',
  'x-frame-options',
  'x-permitted-cross-domain-policies',
  'x-xss-protection',
  'content-security-policy',
]);

function isStandardHeader(name: string): boolean {
  return STANDARD_HEADERS.has(name) || name.startsWith('access-control-');
}

export interface ReceivedResponse {
  status: number;
  headers: Headers;
  body: string;
}

/** The declared response for a status: its own entry, else its class (`4XX`), else `default`. */
export function declaredResponse(document: OpenApiDocument, operation: Operation, status: number): ResponseObject | undefined {
  const entry = operation.responses[String(status)] ?? operation.responses[`${Math.floor(status / 100)}XX`] ?? operation.responses.default;
  return entry && resolve(document, entry);
}

/**
 * What is wrong with a response, by the document: a 5xx, a status it does not declare for the
 * operation, an error outside the envelope, a header it does not declare (or a required one
 * missing), a body of a type or a JSON shape it does not declare. Empty when the response keeps
 * the contract.
 */
export function contractProblems(document: OpenApiDocument, operation: OperationRef, response: ReceivedResponse): string[] {
  const problems: string[] = [];
  if (response.status >= 500) problems.push(`server error ${response.status}: ${response.body.slice(0, 300)}`);
  const declared = declaredResponse(document, operation.operation, response.status);
  if (!declared) {
    problems.push(`status ${response.status} is not declared for ${operation.method.toUpperCase()} ${operation.path} (declared: ${Object.keys(operation.operation.responses).join(', ')})`);
  }
  if (response.status >= 400) problems.push(...envelopeProblems(response));

  const headers = new Map(Object.entries(declared?.headers ?? {}).map(([name, header]) => [name.toLowerCase(), resolve(document, header)]));
  response.headers.forEach((_value, name) => {
    if (!isStandardHeader(name) && !headers.has(name)) problems.push(`header ${name} is not declared for ${response.status}`);
  });
  for (const [name, header] of headers) {
    if (header.required && !response.headers.has(name)) problems.push(`required header ${name} is missing from ${response.status}`);
  }

  if (declared && response.body.length > 0) {
    const essence = (type: string) => type.split(';')[0]?.trim().toLowerCase() ?? '';
    const type = essence(response.headers.get('content-type') ?? '');
    const media = Object.entries(declared.content ?? {}).find(([declaredType]) => essence(declaredType) === type)?.[1];
    if (!media) {
      problems.push(`a ${response.status} body of type "${type}" is not declared (declared: ${Object.keys(declared.content ?? {}).join(', ') || 'no body'})`);
    } else if (type === 'application/json' && media.schema) {
      const body = parseJson(response.body);
      problems.push(...(body.ok ? schemaProblems(document, media.schema, body.value, 'body').map((problem) => `${response.status} ${problem}`) : [`a ${response.status} body is not JSON`]));
    }
  }
  return problems;
}

function parseJson(text: string): { ok: true; value: unknown } | { ok: false } {
  try {
    return { ok: true, value: JSON.parse(text) as unknown };
  } catch {
    return { ok: false };
  }
}

const FORMATS: Record<string, RegExp> = {
  uuid: /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i,
  'date-time': /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/,
};

function typeOf(value: unknown): JsonType {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  if (typeof value === 'number') return Number.isInteger(value) ? 'integer' : 'number';
  return typeof value as JsonType;
}

/**
 * Where a value breaks a schema (the keywords this document uses), as `path: what`. A response
 * the server sends must match what the document says it sends.
 */
export function schemaProblems(document: OpenApiDocument, schema: JsonSchema, value: unknown, path: string): string[] {
  const flat = flatten(document, schema);
  const alternatives = flat.anyOf ?? flat.oneOf;
  if (alternatives?.length) {
    return alternatives.some((alternative) => schemaProblems(document, alternative, value, path).length === 0) ? [] : [`${path}: matches none of its alternatives`];
  }
  if ('const' in flat && value !== flat.const) return [`${path}: is not ${JSON.stringify(flat.const)}`];
  if (flat.enum && !flat.enum.includes(value)) return [`${path}: ${JSON.stringify(value)} is not one of ${JSON.stringify(flat.enum)}`];
  const types = typesOf(flat);
  const type = typeOf(value);
  if (types.length > 0 && !types.includes(type) && !(type === 'integer' && types.includes('number'))) return [`${path}: is ${type}, not ${types.join(' or ')}`];
  const problems: string[] = [];
  if (typeof value === 'string') {
    if (flat.format && FORMATS[flat.format] && !FORMATS[flat.format]?.test(value)) problems.push(`${path}: ${JSON.stringify(value)} is not a ${flat.format}`);
    if (flat.maxLength !== undefined && value.length > flat.maxLength) problems.push(`${path}: longer than ${flat.maxLength}`);
    if (flat.minLength !== undefined && value.length < flat.minLength) problems.push(`${path}: shorter than ${flat.minLength}`);
  }
  if (typeof value === 'number') {
    if (flat.minimum !== undefined && value < flat.minimum) problems.push(`${path}: ${value} is below ${flat.minimum}`);
    if (flat.maximum !== undefined && value > flat.maximum) problems.push(`${path}: ${value} is above ${flat.maximum}`);
  }
  if (Array.isArray(value) && flat.items) {
    const items = flat.items;
    value.forEach((item, index) => problems.push(...schemaProblems(document, items, item, `${path}[${index}]`)));
  }
  if (type === 'object') {
    const record = value as Record<string, unknown>;
    for (const name of flat.required ?? []) if (!(name in record)) problems.push(`${path}.${name}: is missing`);
    for (const [name, item] of Object.entries(record)) {
      const property = flat.properties?.[name];
      if (property) problems.push(...schemaProblems(document, property, item, `${path}.${name}`));
      else if (flat.additionalProperties === false) problems.push(`${path}.${name}: is not a property of it`);
      else if (typeof flat.additionalProperties === 'object') problems.push(...schemaProblems(document, flat.additionalProperties, item, `${path}.${name}`));
    }
  }
  return problems;
}

function envelopeProblems(response: ReceivedResponse): string[] {
  let parsed: unknown;
  try {
    parsed = JSON.parse(response.body);
  } catch {
    return [`error ${response.status} is not JSON: ${JSON.stringify(response.body.slice(0, 200))}`];
  }
  const error = typeof parsed === 'object' && parsed !== null ? (parsed as { error?: unknown }).error : undefined;
  if (typeof error !== 'object' || error === null) return [`error ${response.status} is not in the envelope: ${response.body.slice(0, 200)}`];
  const { code, message, request_id: requestId, details } = error as Record<string, unknown>;
  const problems: string[] = [];
  if (typeof code !== 'string' || code === '') problems.push('error.code is not a code');
  if (typeof message !== 'string') problems.push('error.message is not text');
  if (typeof requestId !== 'string' || requestId === '' || requestId !== response.headers.get('x-request-id')) {
    problems.push(`error.request_id ${JSON.stringify(requestId)} is not the X-Request-Id ${JSON.stringify(response.headers.get('x-request-id'))}`);
  }
  const detailOk = (detail: unknown) =>
    typeof detail === 'object' && detail !== null && typeof (detail as { message?: unknown }).message === 'string' && ['string', 'undefined'].includes(typeof (detail as { path?: unknown }).path);
  if (!Array.isArray(details) || !details.every(detailOk)) problems.push(`error.details is not a list of {path?, message}: ${JSON.stringify(details)}`);
  return problems;
}
