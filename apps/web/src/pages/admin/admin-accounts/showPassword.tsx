import { Typography } from 'antd';
import type { HookAPI } from 'antd/es/modal/useModal';

/** The temporary password, shown once: it is not stored in clear anywhere and cannot be shown again. */
export function showTemporaryPassword(modal: HookAPI, title: string, loginName: string, password: string) {
  modal.success({
    title,
    width: 480,
    content: (
      <div>
        <p>
          账号 <b>{loginName}</b> 的临时密码（<b>仅显示这一次</b>，关闭后无法再查看；首次登录须修改）：
        </p>
        <Typography.Paragraph copyable style={{ fontSize: 20, fontFamily: 'monospace' }} data-testid="temporary-password">
          {password}
        </Typography.Paragraph>
        <p style={{ color: '#5c6b80' }}>请通过安全渠道（当面或电话）交给账号持有人，不要通过聊天工具或邮件发送。</p>
      </div>
    ),
    okText: '我已记下',
  });
}
