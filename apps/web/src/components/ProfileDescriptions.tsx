import type { ReactNode } from 'react';
import { Descriptions, Tag, Tooltip } from 'antd';
import { PROFILE_FIELDS } from '@shixun/domain';
import type { Profile } from '../api/types.ts';
import { formatValue } from '../format.ts';

/** Every 基本信息 field, key fields marked. `extra` lets a page add actions next to a field. */
export function ProfileDescriptions({ profile, extra, testId }: { profile: Profile; extra?: (key: string) => ReactNode; testId?: string }) {
  return (
    <Descriptions
      bordered
      size="small"
      column={{ xs: 1, sm: 1, md: 2, lg: 2, xl: 3, xxl: 3 }}
      data-testid={testId}
      items={PROFILE_FIELDS.map((f) => {
        const raw = f.key === 'schoolId' ? profile.schoolName : profile[f.key];
        return {
          key: f.key,
          label: (
            <span>
              {f.label}
              {f.keyField && (
                <Tooltip title="关键字段：由区县管理员修改，教师可提交信息变更申请">
                  <Tag color="blue" style={{ marginLeft: 6, fontSize: 11, lineHeight: '16px', padding: '0 4px' }}>
                    关键
                  </Tag>
                </Tooltip>
              )}
            </span>
          ),
          children: (
            <span>
              {formatValue(f, raw)}
              {extra?.(f.key)}
            </span>
          ),
        };
      })}
    />
  );
}
