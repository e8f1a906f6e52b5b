import type { ReactNode } from 'react';
import { Card } from 'antd';
import { usePublicConfig } from '../api/session.ts';
import { SupportContact } from './SupportContact.tsx';

export function usePlatformTitle(): string {
  const cfg = usePublicConfig();
  return cfg.data?.title ?? '中小学教师培训管理信息系统';
}

export function PublicShell({ title, children, wide }: { title: ReactNode; children: ReactNode; wide?: boolean }) {
  const platform = usePlatformTitle();
  return (
    <div className="public-page">
      <div className="public-title">{platform}</div>
      <Card title={title} className={`public-card${wide ? ' wide' : ''}`}>
        {children}
      </Card>
      <SupportContact style={{ marginTop: 16, textAlign: 'center' }} />
    </div>
  );
}
