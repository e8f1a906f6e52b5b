import { Navigate } from 'react-router-dom';
import { Result } from 'antd';
import { rolesMay } from '@shixun/domain';
import { useMe } from '../../api/session.ts';
import { adminMenuFor } from '../../layouts/menus.tsx';

/** /admin lands on the 工作台 for the admins of teachers, else on the first menu entry the role has. */
export default function AdminIndex() {
  const me = useMe().data;
  if (me && rolesMay(me.roles, 'teacher.read')) return <Navigate to="/admin/workbench" replace />;
  const first = me ? adminMenuFor(me.roles)[0] : undefined;
  if (!first) return <Result status="403" title="没有可用的功能" subTitle="您的账号暂无管理权限，请联系系统管理员。" />;
  return <Navigate to={`/admin/${first.path}`} replace />;
}
