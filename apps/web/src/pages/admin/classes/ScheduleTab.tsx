import { useState } from 'react';
import { App, Button, Empty, Form, Input, Modal, Popconfirm, Space, Table, Typography } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { classSchedule } from '@shixun/contracts';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { call } from '../../../api/call.ts';
import { classKey } from './ClassDetailPage.tsx';
import type { Session } from './types.ts';

const { SESSION_LECTURER_MAX, SESSION_PLACE_MAX, SESSION_TOPIC_MAX } = classSchedule;

interface FormValues {
  date: string;
  start: string;
  end: string;
  place: string;
  topic: string;
  lecturer: string;
}

// sessions are China-time events, whatever the browser's zone
const DAY = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' });
const TIME = new Intl.DateTimeFormat('en-GB', { timeZone: 'Asia/Shanghai', hour: '2-digit', minute: '2-digit', hour12: false });
const toForm = (s: Session): FormValues => ({
  date: DAY.format(new Date(s.startsAt)),
  start: TIME.format(new Date(s.startsAt)),
  end: TIME.format(new Date(s.endsAt)),
  place: s.place,
  topic: s.topic,
  lecturer: s.lecturer,
});
const toBody = (v: FormValues) => ({
  startsAt: `${v.date}T${v.start}:00+08:00`,
  endsAt: `${v.date}T${v.end}:00+08:00`,
  place: v.place ?? '',
  topic: v.topic,
  lecturer: v.lecturer ?? '',
});

export const sessionsKey = (id: number) => ['class', id, 'sessions'] as const;

/** 课程安排: sessions within the project's dates; a session with check-ins cannot be deleted. */
export function ScheduleTab({ classId }: { classId: number }) {
  const { message } = App.useApp();
  const qc = useQueryClient();
  const q = useQuery({ queryKey: sessionsKey(classId), queryFn: () => call(classSchedule.listSessions, { params: { id: classId } }) });
  const [editing, setEditing] = useState<Session | 'new' | null>(null);
  const [form] = Form.useForm<FormValues>();
  const refresh = () =>
    Promise.all([qc.invalidateQueries({ queryKey: sessionsKey(classId) }), qc.invalidateQueries({ queryKey: classKey(classId) })]);

  const open = (s: Session | 'new') => {
    setEditing(s);
    form.setFieldsValue(
      s === 'new' ? { date: q.data?.startDate, start: '08:30', end: '11:30', place: '', topic: '', lecturer: '' } : toForm(s),
    );
  };
  const save = useMutation({
    mutationFn: ({ target, v }: { target: Session | 'new'; v: FormValues }) =>
      target === 'new'
        ? call(classSchedule.createSession, { params: { id: classId }, body: toBody(v) })
        : call(classSchedule.updateSession, { params: { id: classId, sid: target.id }, body: toBody(v) }),
    onSuccess: async (_, { target }) => {
      message.success(target === 'new' ? '已新增课程' : '已保存');
      setEditing(null);
      await refresh();
    },
    onError: (e) => message.error(e.message),
  });
  const submit = async () => {
    const v = await form.validateFields();
    if (editing) save.mutate({ target: editing, v });
  };
  const removal = useMutation({
    mutationFn: (s: Session) => call(classSchedule.deleteSession, { params: { id: classId, sid: s.id } }),
    onSuccess: async () => {
      message.success('已删除');
      await refresh();
    },
    onError: (e) => message.error(e.message),
  });
  const remove = (s: Session) => removal.mutateAsync(s).catch(() => undefined);

  return (
    <>
      <Space style={{ marginBottom: 12 }} wrap>
        <Button type="primary" icon={<PlusOutlined />} onClick={() => open('new')} disabled={!q.data}>
          新增课程
        </Button>
        {q.data && (
          <Typography.Text type="secondary">
            课程须安排在项目的培训时间内：{q.data.startDate} 至 {q.data.endDate}（北京时间）
          </Typography.Text>
        )}
      </Space>
      <Table<Session>
        data-testid="sessions-table"
        rowKey="id"
        loading={q.isFetching}
        dataSource={q.data?.items ?? []}
        pagination={false}
        locale={{ emptyText: <Empty description={q.isError ? q.error.message : '尚未安排课程，点击“新增课程”添加'} /> }}
        columns={[
          { title: '时间', dataIndex: 'when', width: 200 },
          { title: '地点', dataIndex: 'place', render: (v: string) => v || '—' },
          { title: '主题', dataIndex: 'topic' },
          { title: '主讲', dataIndex: 'lecturer', width: 120, render: (v: string) => v || '—' },
          { title: '签到', dataIndex: 'checkedIn', width: 100, render: (n: number) => `${n} / ${q.data?.trainees ?? 0}` },
          {
            title: '操作',
            key: 'op',
            width: 140,
            render: (_, s) => (
              <Space>
                <a onClick={() => open(s)}>修改</a>
                {s.checkedIn > 0 ? (
                  <Typography.Text type="secondary" title="已有学员签到，签到记录是出勤凭据">
                    不可删除
                  </Typography.Text>
                ) : (
                  <Popconfirm
                    title={`删除课程“${s.topic}”？`}
                    okText="删除"
                    okButtonProps={{ danger: true }}
                    cancelText="取消"
                    onConfirm={() => remove(s)}
                  >
                    <a style={{ color: '#cf1322' }}>删除</a>
                  </Popconfirm>
                )}
              </Space>
            ),
          },
        ]}
      />
      <Modal
        open={editing !== null}
        title={editing === 'new' ? '新增课程' : '修改课程'}
        okText="保存"
        cancelText="取消"
        confirmLoading={save.isPending}
        onOk={submit}
        onCancel={() => setEditing(null)}
        destroyOnHidden
      >
        <Form form={form} layout="vertical" preserve={false}>
          <Form.Item name="date" label="日期" rules={[{ required: true, message: '请选择日期' }]}>
            <Input type="date" min={q.data?.startDate} max={q.data?.endDate} />
          </Form.Item>
          <Space.Compact block>
            <Form.Item name="start" label="开始时间" rules={[{ required: true, message: '请填写开始时间' }]} style={{ flex: 1 }}>
              <Input type="time" />
            </Form.Item>
            <Form.Item
              name="end"
              label="结束时间"
              rules={[{ required: true, message: '请填写结束时间' }]}
              style={{ flex: 1, marginLeft: 12 }}
            >
              <Input type="time" />
            </Form.Item>
          </Space.Compact>
          <Form.Item
            name="topic"
            label="主题"
            rules={[
              { required: true, whitespace: true, message: '请填写课程主题' },
              { max: SESSION_TOPIC_MAX, message: `课程主题不能超过 ${SESSION_TOPIC_MAX} 个字` },
            ]}
          >
            <Input />
          </Form.Item>
          <Form.Item name="place" label="地点" rules={[{ max: SESSION_PLACE_MAX, message: `地点不能超过 ${SESSION_PLACE_MAX} 个字` }]}>
            <Input placeholder="如：报告厅、302 教室" />
          </Form.Item>
          <Form.Item
            name="lecturer"
            label="主讲"
            rules={[{ max: SESSION_LECTURER_MAX, message: `主讲人不能超过 ${SESSION_LECTURER_MAX} 个字` }]}
          >
            <Input />
          </Form.Item>
        </Form>
      </Modal>
    </>
  );
}
