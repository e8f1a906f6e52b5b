// Calls a route by its contract (packages/contracts): the path, method and types come from the same
// zod schemas the server declares the route with, so a field added to a response contract appears here
// with no other edit.
import type { BodyOf, ParamsOf, QueryOf, ResponseOf, RouteContract } from '@shixun/contracts';
import { api } from './client.ts';

type Args<C extends RouteContract> = (C['params'] extends object ? { params: ParamsOf<C> } : { params?: undefined }) & {
  query?: QueryOf<C>;
  body?: BodyOf<C> | FormData;
  /** Do not send the user to the login page on 401 (the caller handles it: logout, the «who am I» probe). */
  noRedirect?: boolean;
};

export function call<C extends RouteContract>(c: C, args?: Args<C>): Promise<ResponseOf<C>> {
  const params = (args?.params ?? {}) as Record<string, string | number>;
  const path = c.path.replace(/:([A-Za-z]+)/g, (_, k: string) => encodeURIComponent(String(params[k])));
  return api<ResponseOf<C>>(path, {
    method: c.method,
    query: args?.query as Record<string, string | number | undefined | null> | undefined,
    body: args?.body,
    noRedirect: args?.noRedirect,
  });
}
