import type { ReactNode } from 'react';
import { Spin } from 'antd';
import { usePublicConfig } from '../api/session.ts';

/** Renders the app once the deployment's time zone is known (format.ts shows every time in it); if the
 *  public configuration cannot be read, the pages still render, in the default zone. */
export function ZoneGate({ children }: { children: ReactNode }) {
  const cfg = usePublicConfig();
  if (cfg.isPending)
    return (
      <div style={{ minHeight: '100vh', display: 'grid', placeItems: 'center' }}>
        <Spin aria-label="正在加载" />
      </div>
    );
  return children;
}
