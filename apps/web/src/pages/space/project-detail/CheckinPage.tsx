import { useEffect, useRef, type CSSProperties } from 'react';
import { Link, useSearchParams } from 'react-router-dom';
import { Button, Result, Spin, Typography } from 'antd';
import { classSchedule, type ResponseOf } from '@shixun/contracts';
import { useMutation } from '@tanstack/react-query';
import { call } from '../../../api/call.ts';
import { ApiError } from '../../../api/client.ts';
import { isAdmin, useMe } from '../../../api/session.ts';
import { formatTime } from '../../../format.ts';

type CheckinAnswer = ResponseOf<typeof classSchedule.checkIn>;
type State = { kind: 'busy' } | { kind: 'done'; r: CheckinAnswer } | { kind: 'error'; code: string; message: string };

const shell: CSSProperties = { minHeight: '100vh', background: '#f5f7fa', display: 'flex', justifyContent: 'center', padding: '24px 16px' };
const panel: CSSProperties = {
  width: '100%',
  maxWidth: 480,
  background: '#fff',
  borderRadius: 12,
  padding: '8px 4px 20px',
  alignSelf: 'flex-start',
};

/** The page a trainee's phone opens from the QR (/space/checkin?c=…): it signs them in to the session at once. */
export default function CheckinPage() {
  const [params] = useSearchParams();
  const code = params.get('c') ?? '';
  const me = useMe();
  const checkin = useMutation({ mutationFn: (c: string) => call(classSchedule.checkIn, { body: { code: c } }) });
  const failure = checkin.error;
  const state: State = checkin.isSuccess
    ? { kind: 'done', r: checkin.data }
    : failure
      ? { kind: 'error', code: failure instanceof ApiError ? failure.code : 'ERROR', message: failure.message }
      : { kind: 'busy' };
  const sent = useRef(false);
  const user = me.data;
  const teacher = !!user && !user.mustChangePassword && !isAdmin(user.role);

  useEffect(() => {
    if (!teacher || !code || sent.current) return;
    sent.current = true;
    checkin.mutate(code);
  }, [teacher, code]);

  let body;
  if (!code) body = <Result status="warning" title="未读取到签到码" subTitle="请用手机相机或微信扫描培训现场大屏上的签到二维码。" />;
  else if (me.isPending)
    body = (
      <div style={{ padding: 60, textAlign: 'center' }}>
        <Spin size="large" />
      </div>
    );
  else if (!user) {
    body = (
      <Result
        status="info"
        title="请先登录"
        subTitle="签到需要登录本平台。登录后请重新扫描现场的签到二维码（二维码每 10 秒更新）。"
        extra={
          <Link to="/login">
            <Button type="primary" size="large" block>
              去登录
            </Button>
          </Link>
        }
      />
    );
  } else if (user.mustChangePassword) {
    body = (
      <Result
        status="info"
        title="请先修改初始密码"
        subTitle="修改密码后重新扫描签到二维码。"
        extra={
          <Link to="/change-password">
            <Button type="primary" size="large">
              修改密码
            </Button>
          </Link>
        }
      />
    );
  } else if (!teacher)
    body = <Result status="warning" title="请使用教师账号签到" subTitle={`当前登录的是管理员账号（${user.name}），不能签到。`} />;
  else if (state.kind === 'busy')
    body = (
      <div style={{ padding: 60, textAlign: 'center' }}>
        <Spin size="large" />
        <div style={{ marginTop: 16 }}>正在签到…</div>
      </div>
    );
  else if (state.kind === 'done') {
    const s = state.r.session;
    body = (
      <Result
        status="success"
        title={<span data-testid="checkin-result">{state.r.status === 'already' ? '已签到过' : '签到成功'}</span>}
        subTitle={
          <div style={{ fontSize: 16, lineHeight: 1.8, color: '#434343' }}>
            <div>
              <b>{s.topic}</b>
            </div>
            <div>
              {s.when}
              {s.place ? ` · ${s.place}` : ''}
            </div>
            <div>
              {s.projectName} · {s.className}
            </div>
            <Typography.Text type="secondary">签到时间 {formatTime(state.r.at)}</Typography.Text>
          </div>
        }
        extra={
          <Link to="/space/projects">
            <Button size="large" block>
              查看我的专项培训
            </Button>
          </Link>
        }
      />
    );
  } else {
    const again = state.code === 'CHECKIN_EXPIRED' || state.code === 'CHECKIN_INVALID';
    body = (
      <Result
        status="error"
        title={
          <span data-testid="checkin-result">
            {state.code === 'CHECKIN_EXPIRED'
              ? '签到码已过期'
              : state.code === 'CHECKIN_NOT_OPEN'
                ? '签到尚未开始'
                : state.code === 'CHECKIN_CLOSED'
                  ? '签到已结束'
                  : '签到失败'}
          </span>
        }
        subTitle={<div style={{ fontSize: 16, color: '#434343' }}>{state.message}</div>}
        extra={
          again ? (
            <Typography.Text type="secondary">请重新扫描现场大屏上的最新二维码</Typography.Text>
          ) : (
            <Link to="/space/projects">
              <Button size="large" block>
                查看我的专项培训
              </Button>
            </Link>
          )
        }
      />
    );
  }
  return (
    <div style={shell}>
      <div style={panel}>
        <Typography.Title level={4} style={{ textAlign: 'center', margin: '12px 0 0' }}>
          培训签到
        </Typography.Title>
        {body}
      </div>
    </div>
  );
}
