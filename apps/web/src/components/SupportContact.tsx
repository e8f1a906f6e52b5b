import { CustomerServiceOutlined } from '@ant-design/icons';
import { Typography } from 'antd';
import { usePublicConfig } from '../api/session.ts';

/**
 * 客服: the platform's help line (phone, QQ, hours from the server's `support` setting). Without a phone or
 * QQ configured it says whom to ask instead, so a teacher who cannot log in always has somewhere to turn.
 */
export function SupportContact({ style }: { style?: React.CSSProperties }) {
  const s = usePublicConfig().data?.support;
  const parts = s
    ? [s.phone && `电话 ${s.phone}`, s.qq && `QQ ${s.qq}`, (s.phone || s.qq) && s.hours && `服务时间 ${s.hours}`].filter(Boolean)
    : [];
  return (
    <Typography.Paragraph data-testid="support-contact" style={{ margin: 0, color: '#595959', ...style }}>
      <CustomerServiceOutlined aria-hidden style={{ marginInlineEnd: 6 }} />
      {parts.length ? `客服：${parts.join('，')}` : '遇到问题请联系本校的校级管理员或所在区县教育局的培训管理员'}
    </Typography.Paragraph>
  );
}
