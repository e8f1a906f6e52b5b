import { App, Button, Card, Empty, Popconfirm, Table } from 'antd';
import { ReloadOutlined } from '@ant-design/icons';
import { type ResponseOf, security } from '@shixun/contracts';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { call } from '../../api/call.ts';
import { formatTime } from '../../format.ts';

type LockedAccount = ResponseOf<typeof security.lockedAccounts>['items'][number];

/** 账户安全: accounts locked after repeated failed logins. */
export default function Security() {
  const { message } = App.useApp();
  const qc = useQueryClient();
  const list = useQuery({ queryKey: ['locked'], queryFn: () => call(security.lockedAccounts) });
  const unlock = useMutation({
    mutationFn: (a: LockedAccount) => call(security.unlock, { params: { id: a.id } }),
    onSuccess: (_, a) => message.success(`已解锁 ${a.name}`),
    onError: (e) => message.error(e.message),
    onSettled: () => qc.invalidateQueries({ queryKey: ['locked'] }),
  });
  return (
    <Card
      title="账户安全"
      extra={
        <Button icon={<ReloadOutlined />} onClick={() => list.refetch()}>
          刷新
        </Button>
      }
    >
      <p style={{ color: '#5c6b80' }}>
        以下账号因在某个 IP 上连续登录失败被临时锁定（只锁定该
        IP，本人从其他网络仍可登录），到期后自动解锁；确认是本人操作后可提前解锁（解除该账号在所有 IP 上的锁定）。
      </p>
      <Table<LockedAccount>
        data-testid="locked-table"
        rowKey="key"
        loading={list.isFetching}
        dataSource={list.data?.items ?? []}
        pagination={false}
        locale={{ emptyText: <Empty description={list.isError ? list.error.message : '当前没有被锁定的账号'} /> }}
        columns={[
          { title: '姓名', dataIndex: 'name' },
          { title: '账号', dataIndex: 'loginName', render: (v) => v || '—' },
          // locks are per account and IP: a stranger's guessing locks only the stranger's address
          { title: '来源 IP', dataIndex: 'ip', render: (v) => v || '—' },
          { title: '锁定至', dataIndex: 'lockedUntil', render: formatTime },
          {
            title: '操作',
            key: 'op',
            render: (_, a) => (
              <Popconfirm
                title={`解锁 ${a.name} 的账号？`}
                okText="解锁"
                cancelText="取消"
                onConfirm={() => unlock.mutateAsync(a).catch(() => undefined)}
              >
                <Button size="small" type="primary">
                  解锁
                </Button>
              </Popconfirm>
            ),
          },
        ]}
      />
    </Card>
  );
}
