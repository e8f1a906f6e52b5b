// 我的学分 (teacher): the evaluation of the session's teacher under the active policy; each cell
// opens a drawer with the entries behind it. 学分申报 and 学分证书 live on their own pages.
import { useState } from 'react';
import { Link } from 'react-router-dom';
import { Button, Card, Drawer, Space } from 'antd';
import { FileAddOutlined, SafetyCertificateOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { call } from '../../../api/call.ts';
import { LoadError, PageLoading } from '../../../components/guards.tsx';
import { cellQuery } from './cellEntries.ts';
import { CreditOverview } from './CreditOverview.tsx';
import { EntriesTable } from './EntriesTable.tsx';
import type { CellRef } from './types.ts';
import { credits as c } from '@shixun/contracts';

export const MY_CREDITS_KEY = ['credits', 'me'] as const;

function CellDrawer({ cell, unit, onClose }: { cell: CellRef | null; unit: string; onClose: () => void }) {
  const entries = useQuery({
    queryKey: [...MY_CREDITS_KEY, 'entries', cell],
    queryFn: () => call(c.myEntries, { query: cellQuery(cell!) }),
    enabled: !!cell,
  });
  return (
    <Drawer open={!!cell} onClose={onClose} size="min(1100px, 96vw)" title={cell ? `${cell.label} · 学分明细` : ''} destroyOnHidden>
      <EntriesTable
        entries={entries.data?.items ?? []}
        loading={entries.isFetching}
        error={entries.isError ? entries.error.message : undefined}
        unit={unit}
      />
    </Drawer>
  );
}

export default function MyCreditsPage() {
  const [cell, setCell] = useState<CellRef | null>(null);
  const credits = useQuery({ queryKey: MY_CREDITS_KEY, queryFn: () => call(c.myCredits) });
  if (credits.isPending) return <PageLoading />;
  if (credits.isError) return <LoadError message={credits.error.message} onRetry={() => credits.refetch()} />;
  return (
    <Card
      title="我的学分"
      extra={
        <Space>
          <Link to="/space/certificates">
            <Button icon={<SafetyCertificateOutlined />}>学分证书</Button>
          </Link>
          <Link to="/space/credits/claims">
            <Button type="primary" icon={<FileAddOutlined />}>
              学分申报
            </Button>
          </Link>
        </Space>
      }
    >
      <CreditOverview {...credits.data} onCell={setCell} />
      <CellDrawer cell={cell} unit={credits.data.policy.unit} onClose={() => setCell(null)} />
    </Card>
  );
}
