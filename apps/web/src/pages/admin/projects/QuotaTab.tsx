import { useState } from 'react';
import { App, Alert, Button, Descriptions, Empty, InputNumber, Space, Table } from 'antd';
import { projects } from '@shixun/contracts';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { call } from '../../../api/call.ts';
import type { QuotaRow } from './types.ts';

/** 名额分配: my row and what I gave to each unit one level down; set a unit's quota. */
export function QuotaTab({ projectId, canGrant }: { projectId: number; canGrant: boolean }) {
  const { message } = App.useApp();
  const qc = useQueryClient();
  const q = useQuery({ queryKey: ['project-quotas', projectId], queryFn: () => call(projects.listQuotas, { params: { id: projectId } }) });
  const [edits, setEdits] = useState<Record<string, number | null>>({});
  const grant = useMutation({
    mutationFn: (body: { holder: string; quota: number }) => call(projects.grantQuota, { params: { id: projectId }, body }),
  });
  const save = async (r: QuotaRow) => {
    const value = edits[r.holder];
    if (value === undefined || value === null) return;
    try {
      await grant.mutateAsync({ holder: r.holder, quota: value });
      message.success(`已将 ${r.holderName} 的名额设为 ${value}`);
      setEdits((e) => {
        const { [r.holder]: _, ...rest } = e;
        return rest;
      });
      await qc.invalidateQueries({ queryKey: ['project-quotas', projectId] });
      await qc.invalidateQueries({ queryKey: ['project', String(projectId)] });
    } catch (e) {
      message.error((e as Error).message);
    }
  };
  if (q.isError) return <Empty description={q.error.message} />;
  const mine = q.data?.mine;
  return (
    <>
      {mine ? (
        <Descriptions
          size="small"
          bordered
          column={4}
          style={{ marginBottom: 16 }}
          items={[
            { key: 'n', label: '本单位', children: mine.holderName },
            { key: 'q', label: '名额', children: mine.quota },
            { key: 'g', label: '已分配下级', children: mine.grantedBelow },
            { key: 'u', label: '本级已使用', children: mine.used },
            { key: 'f', label: '剩余可用', children: <b data-testid="quota-free">{mine.free}</b> },
          ]}
        />
      ) : (
        <Alert type="info" showIcon style={{ marginBottom: 16 }} title="本单位在该项目中没有名额，以下为管辖范围内各单位的名额。" />
      )}
      <Table<QuotaRow>
        data-testid="quota-table"
        rowKey="holder"
        size="small"
        loading={q.isFetching}
        pagination={{ pageSize: 20, hideOnSinglePage: true }}
        dataSource={mine ? q.data?.children : q.data?.rows}
        locale={{ emptyText: <Empty description="没有可分配的下级单位" /> }}
        columns={[
          { title: '单位', dataIndex: 'holderName' },
          {
            title: '名额',
            dataIndex: 'quota',
            render: (v: number, r) =>
              canGrant ? (
                <Space>
                  <InputNumber
                    aria-label={`${r.holderName}名额`}
                    min={0}
                    precision={0}
                    value={edits[r.holder] ?? v}
                    onChange={(x) => setEdits({ ...edits, [r.holder]: x })}
                    style={{ width: 100 }}
                  />
                  <Button
                    size="small"
                    type="primary"
                    disabled={edits[r.holder] === undefined || edits[r.holder] === v}
                    loading={grant.isPending && grant.variables?.holder === r.holder}
                    onClick={() => save(r)}
                  >
                    分配
                  </Button>
                </Space>
              ) : (
                v
              ),
          },
          { title: '已分配下级', dataIndex: 'grantedBelow' },
          { title: '已使用', dataIndex: 'used' },
          { title: '剩余', dataIndex: 'free' },
        ]}
      />
    </>
  );
}
