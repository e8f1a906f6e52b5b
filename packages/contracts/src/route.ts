// A route's contract: method, path, and the zod schemas of what goes in and what comes out. The server
// declares the route from it (schema.response strips any field not in the contract), the OpenAPI
// document is generated from it, and the web app types its calls with it — one source for all three.
import type { z } from 'zod';

export type Method = 'GET' | 'POST' | 'PUT' | 'DELETE';

export interface RouteContract {
  method: Method;
  /** Fastify path syntax: `/api/teachers/:id` */
  path: string;
  summary: string;
  tags: readonly string[];
  params?: z.ZodType;
  querystring?: z.ZodType;
  body?: z.ZodType;
  /** What a successful call answers; `file` for downloads (PDF, xlsx, images). */
  response: z.ZodType;
  /** 200 unless said otherwise (201 for creations). */
  status?: 200 | 201;
}

/** Declares a contract; `const` keeps the literal method and path for the callers' types. */
export function route<const C extends RouteContract>(c: C): C {
  return c;
}

type In<S> = S extends z.ZodType ? z.input<S> : undefined;
/** What the web app sends: the schemas' input types (before defaults and coercion). */
export type ParamsOf<C extends RouteContract> = In<C['params']>;
export type QueryOf<C extends RouteContract> = In<C['querystring']>;
export type BodyOf<C extends RouteContract> = In<C['body']>;
/**
 * What arrives in the browser: the response schema's *encoded* side (z.input), e.g. a timestamp is the ISO
 * string on the wire, while the server hands the schema a Date.
 */
export type ResponseOf<C extends RouteContract> = z.input<C['response']>;
