// Routes are declared from their contracts (packages/contracts): the same zod schemas validate the
// request, filter the response (a field not in the contract never leaves the server) and describe the
// route in the OpenAPI document.
import type { RouteContract } from '@shixun/contracts';
import type { FastifyRequest } from 'fastify';
import type { Actor } from '../access/policy.ts';
import type { RequestCtx } from '../context.ts';
import { AppError } from './errors.ts';

type Status<C extends RouteContract> = C['status'] extends 201 ? 201 : 200;

export function schemaOf<const C extends RouteContract>(c: C) {
  const schema: Record<string, unknown> = { tags: [...c.tags], summary: c.summary, response: { [c.status ?? 200]: c.response } };
  if (c.params) schema.params = c.params;
  if (c.querystring) schema.querystring = c.querystring;
  if (c.body) schema.body = c.body;
  return schema as {
    tags: string[];
    summary: string;
    params: C['params'];
    querystring: C['querystring'];
    body: C['body'];
    response: { [K in Status<C>]: C['response'] };
  };
}

/** A request context whose actor is there by type: only for routes the auth hook let through with a session. */
export interface ActorCtx extends RequestCtx {
  actor: Actor;
}

/** The context of a logged-in request; a route marked public that calls this is a bug, answered 401. */
export function actorCtx(req: FastifyRequest): ActorCtx {
  const ctx = req.ctx;
  if (!ctx.actor) throw new AppError(401, 'UNAUTHENTICATED', '请先登录');
  return ctx as ActorCtx;
}
