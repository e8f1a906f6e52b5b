import { useState } from 'react';
import { Link, useParams } from 'react-router-dom';
import { App, Button, Card, Popconfirm, Space, Tag, Typography } from 'antd';
import {
  ArrowLeftOutlined,
  EyeOutlined,
  EditOutlined,
  KeyOutlined,
  StopOutlined,
  CheckCircleOutlined,
  CalendarOutlined,
} from '@ant-design/icons';
import { teachers } from '@shixun/contracts';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { call } from '../../api/call.ts';
import type { TeacherDetail as Detail } from '../../api/types.ts';
import { ACCOUNT_STATUS } from '../../format.ts';
import { LoadError, PageLoading } from '../../components/guards.tsx';
import { ProfileDescriptions } from '../../components/ProfileDescriptions.tsx';
import { KeyFieldsModal } from './KeyFieldsModal.tsx';
import { RegistrationModal } from './RegistrationModal.tsx';
import { TeacherCreditsCard } from './credits/TeacherCreditsCard.tsx';
import { TeacherBankCard } from './credit-bank/TeacherBankCard.tsx';

export default function TeacherDetail() {
  const { id = '' } = useParams();
  const { message, modal } = App.useApp();
  const qc = useQueryClient();
  const [revealed, setRevealed] = useState<{ idNumber: string | null; phone: string | null } | null>(null);
  const [editing, setEditing] = useState(false);
  const [registering, setRegistering] = useState(false);
  const detail = useQuery({
    queryKey: ['teacher', id],
    queryFn: () => call(teachers.detail, { params: { id } }) as Promise<Detail>,
  });
  const resetPassword = useMutation({
    mutationFn: () => call(teachers.resetPassword, { params: { id } }),
    onSuccess: (r) =>
      modal.success({
        title: '密码已重置',
        width: 460,
        content: (
          <div>
            <p>临时密码仅显示这一次，请当面或通过安全渠道告知教师本人：</p>
            <Typography.Paragraph
              copyable={{ text: r.temporaryPassword }}
              style={{ fontSize: 20, fontFamily: 'monospace' }}
              data-testid="temporary-password"
            >
              {r.temporaryPassword}
            </Typography.Paragraph>
            <p>教师使用临时密码登录后须立即修改密码。</p>
          </div>
        ),
        okText: '我已记下',
      }),
    onError: (e) => message.error(e.message),
  });
  const setStatus = useMutation({
    mutationFn: (next: 'active' | 'disabled') => call(teachers.setStatus, { params: { id }, body: { status: next } }),
    onSuccess: async (_, next) => {
      message.success(next === 'disabled' ? '账号已停用' : '账号已启用');
      await qc.invalidateQueries({ queryKey: ['teacher', id] });
      await qc.invalidateQueries({ queryKey: ['teachers'] });
    },
    onError: (e) => message.error(e.message),
  });

  if (detail.isPending) return <PageLoading />;
  if (detail.isError) return <LoadError message={detail.error.message} onRetry={() => detail.refetch()} />;
  const { profile, accountStatus, abilities } = detail.data;
  const shown = revealed ? { ...profile, idNumber: revealed.idNumber, phone: revealed.phone } : profile;
  const status = ACCOUNT_STATUS[accountStatus];

  const reveal = () =>
    modal.confirm({
      title: '查看完整证件号和手机号',
      content: '本次查看将记录在审计日志中（查看人、时间、IP）。请仅在工作需要时查看。确定继续吗？',
      okText: '确定查看',
      cancelText: '取消',
      onOk: async () => {
        try {
          setRevealed(await call(teachers.reveal, { params: { id } }));
        } catch (e) {
          message.error((e as Error).message);
        }
      },
    });

  return (
    <Card
      title={
        <Space>
          <Link to="/admin/teachers">
            <ArrowLeftOutlined /> 教师管理
          </Link>
          <span>/</span>
          <span>{profile.name}</span>
          {status && <Tag color={status.color}>{status.text}</Tag>}
        </Space>
      }
    >
      <Space wrap style={{ marginBottom: 16 }}>
        {abilities.revealSensitive && !revealed && (
          <Button icon={<EyeOutlined />} onClick={reveal} data-testid="reveal">
            查看完整证件号
          </Button>
        )}
        {abilities.editKeyFields && (
          <Button icon={<EditOutlined />} onClick={() => setEditing(true)} data-testid="edit-key-fields">
            修改关键字段
          </Button>
        )}
        {abilities.editKeyFields && (
          <Button icon={<CalendarOutlined />} onClick={() => setRegistering(true)} data-testid="record-registration">
            登记注册日期
          </Button>
        )}
        {abilities.resetPassword && (
          <Popconfirm
            title="重置密码"
            description="将生成一个临时密码，教师下次登录时须修改密码。确定重置吗？"
            okText="确定"
            cancelText="取消"
            onConfirm={() => resetPassword.mutate()}
          >
            <Button icon={<KeyOutlined />} loading={resetPassword.isPending} data-testid="reset-password">
              重置密码
            </Button>
          </Popconfirm>
        )}
        {abilities.setStatus && accountStatus === 'active' && (
          <Popconfirm
            title="停用账号"
            description="停用后该教师将立即退出登录且无法登录。确定停用吗？"
            okText="停用"
            cancelText="取消"
            onConfirm={() => setStatus.mutate('disabled')}
          >
            <Button danger icon={<StopOutlined />} loading={setStatus.isPending}>
              停用
            </Button>
          </Popconfirm>
        )}
        {abilities.setStatus && accountStatus === 'disabled' && (
          <Popconfirm
            title="启用账号"
            description="确定恢复该教师的账号吗？"
            okText="启用"
            cancelText="取消"
            onConfirm={() => setStatus.mutate('active')}
          >
            <Button icon={<CheckCircleOutlined />} loading={setStatus.isPending}>
              启用
            </Button>
          </Popconfirm>
        )}
      </Space>
      <ProfileDescriptions profile={shown} testId="teacher-profile" />
      <TeacherCreditsCard teacherId={id} />
      <TeacherBankCard teacherId={id} />
      {registering && (
        <RegistrationModal teacherId={id} name={profile.name} hireDate={profile.hireDate} onClose={() => setRegistering(false)} />
      )}
      {editing && (
        <KeyFieldsModal
          teacherId={id}
          profile={profile}
          revealedId={revealed?.idNumber ?? undefined}
          open={editing}
          onClose={() => setEditing(false)}
        />
      )}
    </Card>
  );
}
