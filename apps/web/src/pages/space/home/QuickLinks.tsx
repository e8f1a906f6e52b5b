// 快捷入口: where a teacher goes most.
import { Link } from 'react-router-dom';
import { Card } from 'antd';
import {
  AccountBookOutlined,
  FileAddOutlined,
  IdcardOutlined,
  ProjectOutlined,
  SafetyCertificateOutlined,
  SettingOutlined,
} from '@ant-design/icons';

const LINKS = [
  { to: '/space/projects', label: '我的专项培训', icon: <ProjectOutlined /> },
  { to: '/space/credits', label: '我的学分', icon: <AccountBookOutlined /> },
  { to: '/space/credits/claims', label: '学分申报', icon: <FileAddOutlined /> },
  { to: '/space/certificates', label: '我的证书', icon: <SafetyCertificateOutlined /> },
  { to: '/space/profile', label: '基本信息', icon: <IdcardOutlined /> },
  { to: '/space/account', label: '修改密码', icon: <SettingOutlined /> },
];

export function QuickLinks() {
  return (
    <Card title="快捷入口">
      <div style={{ display: 'grid', gridTemplateColumns: 'repeat(auto-fill, minmax(120px, 1fr))', gap: 12 }}>
        {LINKS.map((l) => (
          <Link key={l.to} to={l.to} style={{ padding: '8px 0' }}>
            {l.icon} {l.label}
          </Link>
        ))}
      </div>
    </Card>
  );
}
