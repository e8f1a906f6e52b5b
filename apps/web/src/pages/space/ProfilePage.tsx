import { Card, Tabs } from 'antd';
import { useSearchParams } from 'react-router-dom';
import { LoadError, PageLoading } from '../../components/guards.tsx';
import { useProfile } from './profile/useProfile.ts';
import { ProfileInfoTab } from './profile/ProfileInfoTab.tsx';
import { PhotoTab } from './profile/PhotoTab.tsx';

/** 基本信息: 个人资料 · 证书照片 · 修改头像 (修改手机号/邮箱/密码 live in 我的账户). */
export default function ProfilePage() {
  const profile = useProfile();
  const [params, setParams] = useSearchParams();
  const tab = params.get('tab') ?? 'info';
  if (profile.isPending) return <PageLoading />;
  if (profile.isError) return <LoadError message={profile.error.message} onRetry={() => profile.refetch()} />;
  const data = profile.data;
  return (
    <Card title="基本信息">
      <Tabs
        activeKey={tab}
        onChange={(k) => setParams({ tab: k }, { replace: true })}
        items={[
          { key: 'info', label: '个人资料', children: <ProfileInfoTab data={data} /> },
          { key: 'cert', label: '证书照片', children: <PhotoTab kind="cert" has={data.photos.cert} /> },
          { key: 'avatar', label: '修改头像', children: <PhotoTab kind="avatar" has={data.photos.avatar} /> },
        ]}
      />
    </Card>
  );
}
