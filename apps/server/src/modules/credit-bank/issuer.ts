// The platform's name as its documents print it (the same rule as the login page and the certificates):
// configured, or «<province>中小学教师培训管理信息系统».
import type { Deps } from '../../context.ts';
import { regionName } from '../platform.repository.ts';

export async function platformTitle(deps: Deps): Promise<string> {
  if (deps.config.platformTitle) return deps.config.platformTitle;
  const name = (await regionName(deps.db, deps.config.provinceCode)) ?? '';
  return `${name.replace(/(壮族|回族|维吾尔)?自治区$|省$|市$/, '')}中小学教师培训管理信息系统`;
}
