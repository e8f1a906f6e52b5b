// 学分 on the admin's teacher detail: the same table as 我的学分, the entries behind each cell with
// 冲销 where this admin may, and 学分调整. The server says which entries this admin may reverse.
import { useState } from 'react';
import { Button, Card, Drawer } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { call } from '../../../api/call.ts';
import { LoadError, PageLoading } from '../../../components/guards.tsx';
import { cellEntries } from '../../space/credits/cellEntries.ts';
import { CreditOverview } from '../../space/credits/CreditOverview.tsx';
import { EntriesTable } from '../../space/credits/EntriesTable.tsx';
import type { CellRef, EntryView } from '../../space/credits/types.ts';
import { AdjustModal } from './AdjustModal.tsx';
import { ReverseButton } from './ReverseButton.tsx';
import { credits } from '@shixun/contracts';

export function TeacherCreditsCard({ teacherId }: { teacherId: string }) {
  const qc = useQueryClient();
  const key = ['teacher', teacherId, 'credits'];
  const data = useQuery({ queryKey: key, queryFn: () => call(credits.teacherCredits, { params: { id: teacherId } }) });
  const [cell, setCell] = useState<CellRef | null>(null);
  const [all, setAll] = useState(false);
  const [adjusting, setAdjusting] = useState(false);
  const refresh = () => qc.invalidateQueries({ queryKey: key });

  const body = () => {
    if (data.isPending) return <PageLoading />;
    if (data.isError) return <LoadError message={data.error.message} onRetry={() => data.refetch()} />;
    const { policy, entries, abilities } = data.data;
    const shown = cell ? cellEntries(policy, entries, cell) : entries;
    const action = abilities.adjust
      ? (e: EntryView) => (e.reversible ? <ReverseButton entryId={e.id} title={e.title} onDone={refresh} /> : null)
      : undefined;
    return (
      <>
        <CreditOverview {...data.data} showRules={false} onCell={setCell} />
        <Drawer
          open={!!cell || all}
          onClose={() => {
            setCell(null);
            setAll(false);
          }}
          size="min(1200px, 96vw)"
          title={cell ? `${cell.label} · 学分明细` : '全部学分明细'}
        >
          <EntriesTable entries={shown} unit={policy.unit} action={action} loading={data.isFetching} />
        </Drawer>
        {abilities.adjust && (
          <AdjustModal teacherId={teacherId} policy={policy} open={adjusting} onClose={() => setAdjusting(false)} onDone={refresh} />
        )}
      </>
    );
  };

  return (
    <Card
      type="inner"
      title="学分"
      style={{ marginTop: 16 }}
      data-testid="teacher-credits"
      extra={
        data.data && (
          <>
            <Button type="link" onClick={() => setAll(true)}>
              全部明细（{data.data.entries.length}）
            </Button>
            {data.data.abilities.adjust && (
              <Button icon={<PlusOutlined />} onClick={() => setAdjusting(true)} data-testid="adjust-credits">
                学分调整
              </Button>
            )}
          </>
        )
      }
    >
      {body()}
    </Card>
  );
}
