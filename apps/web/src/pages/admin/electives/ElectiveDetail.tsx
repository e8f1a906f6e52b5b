import { useState } from 'react';
import { Alert, App, Button, Descriptions, Drawer, Input, Modal, Popconfirm, Skeleton, Space, Tabs, Tag } from 'antd';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { electives } from '@shixun/contracts';
import { call } from '../../../api/call.ts';
import { ElectiveForm } from './ElectiveForm.tsx';
import { Learners } from './Learners.tsx';

/** One elective for its offerer and its organiser: the facts, the review actions the server allows, and the learners. */
export function ElectiveDetail({ id, onClose }: { id: number | null; onClose: () => void }) {
  const { message } = App.useApp();
  const qc = useQueryClient();
  const [editing, setEditing] = useState(false);
  const [returning, setReturning] = useState(false);
  const [reason, setReason] = useState('');
  const q = useQuery({
    queryKey: ['admin-elective', id],
    queryFn: () => call(electives.getElective, { params: { id: id ?? 0 } }),
    enabled: id !== null,
  });
  const done = (text: string) => async () => {
    message.success(text);
    setReturning(false);
    await qc.invalidateQueries({ queryKey: ['admin-electives'] });
    await qc.invalidateQueries({ queryKey: ['admin-elective', id] });
    await qc.invalidateQueries({ queryKey: ['elective-pending'] });
  };
  const fail = async (e: Error) => {
    message.error(e.message);
    await qc.invalidateQueries({ queryKey: ['admin-elective', id] });
  };
  const v = q.data?.elective.version ?? 0;
  const submit = useMutation({
    mutationFn: () => call(electives.submitElective, { params: { id: id ?? 0 }, body: { version: v } }),
    onSuccess: done('已提交审核'),
    onError: fail,
  });
  const approve = useMutation({
    mutationFn: () => call(electives.approveElective, { params: { id: id ?? 0 }, body: { version: v } }),
    onSuccess: done('审核通过，课程已上架'),
    onError: fail,
  });
  const ret = useMutation({
    mutationFn: () => call(electives.returnElective, { params: { id: id ?? 0 }, body: { version: v, reason } }),
    onSuccess: done('已退回'),
    onError: fail,
  });
  const e = q.data?.elective;
  const a = q.data?.abilities;
  return (
    <Drawer open={id !== null} onClose={onClose} title={e?.name ?? '自主选学项目'} size="large" destroyOnHidden>
      {q.isLoading && <Skeleton active />}
      {q.isError && <Alert type="error" showIcon title={q.error.message} />}
      {e && a && (
        <>
          <Space wrap style={{ marginBottom: 12 }}>
            <Tag color={e.reviewStatus === 'published' ? 'green' : e.reviewStatus === 'returned' ? 'red' : 'orange'}>
              {e.reviewStatusLabel}
            </Tag>
            {a.edit && <Button onClick={() => setEditing(true)}>修改</Button>}
            {a.submit && (
              <Popconfirm
                title="提交审核"
                description={`提交后由${e.organiserName}审核，审核期间不能修改。`}
                okText="提交"
                cancelText="取消"
                onConfirm={() => submit.mutate()}
              >
                <Button type="primary" loading={submit.isPending}>
                  提交审核
                </Button>
              </Popconfirm>
            )}
            {a.review && (
              <>
                <Popconfirm
                  title="审核通过"
                  description="通过后课程上架到自主选学目录，教师即可报名。"
                  okText="通过"
                  cancelText="取消"
                  onConfirm={() => approve.mutate()}
                >
                  <Button type="primary" loading={approve.isPending}>
                    审核通过
                  </Button>
                </Popconfirm>
                <Button danger onClick={() => setReturning(true)}>
                  退回
                </Button>
              </>
            )}
          </Space>
          {e.reviewStatus === 'returned' && e.returnReason && (
            <Alert type="warning" showIcon title={`退回理由：${e.returnReason}`} style={{ marginBottom: 12 }} />
          )}
          <Tabs
            items={[
              {
                key: 'info',
                label: '课程信息',
                children: (
                  <Descriptions
                    size="small"
                    column={1}
                    items={[
                      { key: 'p', label: '提供机构', children: e.providerName },
                      { key: 'o', label: '组织单位', children: e.organiserName },
                      { key: 'c', label: '学分', children: `${e.categoryName} ${e.credits} ${e.unit}（${e.hours} 学时）` },
                      { key: 'm', label: '学习形式', children: e.modeLabel },
                      { key: 'a', label: '报名时间', children: `${e.applyStart} ~ ${e.applyEnd}` },
                      { key: 'l', label: '学习时间', children: `${e.startDate} ~ ${e.endDate}` },
                      { key: 'n', label: '名额', children: e.capacity === null ? '不限' : `${e.taken} / ${e.capacity}` },
                      { key: 'f', label: '费用', children: e.priceLabel },
                      { key: 'r', label: '合格标准', children: e.passRule },
                      { key: 'u', label: '学习网址', children: e.learningUrl ?? '—' },
                      { key: 'd', label: '课程简介', children: <div style={{ whiteSpace: 'pre-wrap' }}>{e.description || '—'}</div> },
                      { key: 's', label: '课程大纲', children: <div style={{ whiteSpace: 'pre-wrap' }}>{e.syllabus || '—'}</div> },
                    ]}
                  />
                ),
              },
              ...(e.reviewStatus === 'published' || e.reviewStatus === 'closed'
                ? [{ key: 'learners', label: '学员与成绩', children: <Learners id={e.id} /> }]
                : []),
            ]}
          />
          <ElectiveForm open={editing} editing={e} onClose={() => setEditing(false)} />
          <Modal
            open={returning}
            title="退回自主选学项目"
            okText="退回"
            cancelText="取消"
            okButtonProps={{ danger: true, disabled: !reason.trim(), loading: ret.isPending }}
            onOk={() => ret.mutate()}
            onCancel={() => setReturning(false)}
          >
            <Input.TextArea
              aria-label="退回理由"
              rows={3}
              maxLength={500}
              placeholder="请填写退回理由（提供方据此修改后可重新提交）"
              value={reason}
              onChange={(x) => setReason(x.target.value)}
            />
          </Modal>
        </>
      )}
    </Drawer>
  );
}
