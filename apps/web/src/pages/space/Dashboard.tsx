import { Link } from 'react-router-dom';
import { Alert, Avatar, Card, Col, Progress, Row, Space, Statistic, Typography } from 'antd';
import { IdcardOutlined, PictureOutlined, SettingOutlined, UserOutlined } from '@ant-design/icons';
import { PROFILE_FIELDS } from '@shixun/domain';
import { useMe } from '../../api/session.ts';
import { LoadError, PageLoading } from '../../components/guards.tsx';
import { useMyChanges, useProfile } from './profile/useProfile.ts';

function greeting(): string {
  const h = new Date().getHours();
  return h < 11 ? '上午好' : h < 13 ? '中午好' : h < 18 ? '下午好' : '晚上好';
}

/** 工作台: only real data — who I am, how complete my 基本信息 is, my change requests, and where to go. */
export default function Dashboard() {
  const me = useMe().data;
  const profile = useProfile();
  const changes = useMyChanges();
  if (profile.isPending) return <PageLoading />;
  if (profile.isError) return <LoadError message={profile.error.message} onRetry={() => profile.refetch()} />;
  const p = profile.data.profile;
  const filled = PROFILE_FIELDS.filter((f) => {
    const v = f.key === 'schoolId' ? p.schoolName : p[f.key];
    return v !== null && v !== undefined && v !== '';
  }).length;
  const percent = Math.round((filled / PROFILE_FIELDS.length) * 100);
  const pending = changes.data?.items.filter((c) => c.status === 'pending').length ?? 0;

  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }}>
      <Card>
        <Space size={16} align="center">
          <Avatar size={64} icon={<UserOutlined />} src={profile.data.photos.avatar ? '/api/profile/photos/avatar' : undefined} />
          <div>
            <Typography.Title level={4} style={{ margin: 0 }}>
              {me?.name ?? p.name}老师，{greeting()}！
            </Typography.Title>
            <Typography.Text type="secondary">
              {[p.regionName, p.countyName, p.schoolName ?? me?.scope.schoolName].filter(Boolean).join(' · ')}
            </Typography.Text>
          </div>
        </Space>
      </Card>
      {percent < 100 && (
        <Alert
          type="warning"
          showIcon
          title="请核实、完善个人基本信息"
          description="基本信息是继续教育学分统计、教师资格证定期注册的依据，请认真核对姓名、证件号码、单位、手机号等信息。"
          action={<Link to="/space/profile">去完善</Link>}
        />
      )}
      <Row gutter={16}>
        <Col xs={24} md={8}>
          <Card title="基本信息完整度">
            <Progress type="circle" percent={percent} size={96} />
            <div style={{ marginTop: 8, color: '#8a96a8' }}>
              已填写 {filled} / {PROFILE_FIELDS.length} 项
            </div>
          </Card>
        </Col>
        <Col xs={24} md={8}>
          <Card title="信息变更申请">
            <Statistic title="待审核" value={pending} suffix="条" />
            <Link to="/space/profile">查看申请记录</Link>
          </Card>
        </Col>
        <Col xs={24} md={8}>
          <Card title="照片">
            <div>证书照片：{profile.data.photos.cert ? '已上传' : '未上传'}</div>
            <div>头像：{profile.data.photos.avatar ? '已上传' : '未上传'}</div>
            <Link to="/space/profile?tab=cert">上传证书照片</Link>
          </Card>
        </Col>
      </Row>
      <Card title="快捷入口">
        <Space size={24} wrap>
          <Link to="/space/profile">
            <IdcardOutlined /> 基本信息
          </Link>
          <Link to="/space/profile?tab=cert">
            <PictureOutlined /> 证书照片
          </Link>
          <Link to="/space/account">
            <SettingOutlined /> 修改密码
          </Link>
          <Link to="/space/account?tab=phone">
            <SettingOutlined /> 修改手机号
          </Link>
        </Space>
      </Card>
    </Space>
  );
}
