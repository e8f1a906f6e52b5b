import { z } from 'zod';
import type { Deps } from '../../context.ts';
import { pageQuery, type App } from '../../http/types.ts';
import { listRegionChildren, listSchools, listSchoolsInScope, regionChildrenInScope } from './regions.service.ts';

export function regionRoutes(app: App, deps: Deps) {
  app.get(
    '/api/public/regions',
    {
      config: { access: 'public' },
      schema: {
        tags: ['regions'],
        summary: '下级行政区划（注册用）',
        querystring: z.object({
          parent: z
            .string()
            .regex(/^\d{2,4}$/)
            .optional(),
        }),
      },
    },
    async (req) => ({ items: await listRegionChildren(deps, req.query.parent ?? deps.config.provinceCode) }),
  );

  app.get(
    '/api/public/schools',
    {
      config: { access: 'public' },
      schema: {
        tags: ['regions'],
        summary: '区县内学校（注册用）',
        querystring: z.object({ countyCode: z.string().regex(/^\d{6}$/, '请选择区县') }),
      },
    },
    async (req) => ({ items: await listSchools(deps, req.query.countyCode) }),
  );

  app.get(
    '/api/regions',
    {
      config: { access: 'region.read' },
      schema: {
        tags: ['regions'],
        summary: '管辖范围内的行政区划',
        querystring: z.object({
          parent: z
            .string()
            .regex(/^\d{2,6}$/)
            .optional(),
        }),
      },
    },
    async (req) => ({ items: await regionChildrenInScope(deps, req.actor!, req.query.parent) }),
  );

  app.get(
    '/api/schools',
    {
      config: { access: 'region.read' },
      schema: {
        tags: ['regions'],
        summary: '管辖范围内的学校',
        querystring: z.object({
          regionCode: z
            .string()
            .regex(/^\d{2,6}$/)
            .optional(),
          q: z.string().max(50).optional(),
          ...pageQuery,
        }),
      },
    },
    async (req) => listSchoolsInScope(deps, req.actor!, req.query),
  );
}
