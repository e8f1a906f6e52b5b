// 行政区划与学校: the region tree (GB/T 2260) and schools, for registration and for admins' pickers.
import { z } from 'zod';
import { listOf, pageQuery, paged } from './common.ts';
import { route } from './route.ts';

const tags = ['regions'] as const;
export const region = z.object({ code: z.string(), name: z.string(), level: z.enum(['province', 'city', 'county']) });
export const schoolOption = z.object({ id: z.number(), name: z.string() });
export const schoolRow = z.object({
  id: z.number(),
  name: z.string(),
  regionCode: z.string(),
  countyName: z.string(),
  areaType: z.string(),
  category: z.string(),
});

export const publicRegions = route({
  method: 'GET',
  path: '/api/public/regions',
  summary: '下级行政区划（注册用）',
  tags,
  querystring: z.object({
    parent: z
      .string()
      .regex(/^\d{2,4}$/, '区划代码不正确')
      .optional(),
  }),
  response: listOf(region),
});

export const publicSchools = route({
  method: 'GET',
  path: '/api/public/schools',
  summary: '区县内学校（注册用）',
  tags,
  querystring: z.object({ countyCode: z.string().regex(/^\d{6}$/, '请选择区县') }),
  response: listOf(schoolOption),
});

export const regionsInScope = route({
  method: 'GET',
  path: '/api/regions',
  summary: '管辖范围内的行政区划',
  tags,
  querystring: z.object({
    parent: z
      .string()
      .regex(/^\d{2,6}$/, '区划代码不正确')
      .optional(),
  }),
  response: listOf(region),
});

export const schoolsInScope = route({
  method: 'GET',
  path: '/api/schools',
  summary: '管辖范围内的学校',
  tags,
  querystring: z.object({
    regionCode: z
      .string()
      .regex(/^\d{2,6}$/, '区划代码不正确')
      .optional(),
    q: z.string().max(50).optional(),
    ...pageQuery,
  }),
  response: paged(schoolRow),
});
