import { useEffect, useRef, useState } from 'react';
import { Alert, Button, Typography } from 'antd';
import { CloseOutlined, FullscreenOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { classSchedule } from '@shixun/contracts';
import { call } from '../../../api/call.ts';

/**
 * The big-screen QR of one session. The code changes every few seconds on the server; this asks
 * for the current one whenever the shown one is about to expire, and counts the check-ins.
 */
export function CheckinQr({
  classId,
  sessionId,
  trainees,
  onClose,
}: {
  classId: number;
  sessionId: number;
  trainees: number;
  onClose: () => void;
}) {
  const box = useRef<HTMLDivElement>(null);
  const [left, setLeft] = useState(0);
  const q = useQuery({
    queryKey: ['class', classId, 'checkin-code', sessionId],
    queryFn: () => call(classSchedule.checkinCode, { params: { id: classId, sid: sessionId } }),
    // fetch the next code right as the step turns (a little after, so the server is on the new step)
    refetchInterval: (query) => Math.max(500, (query.state.data?.expiresInMs ?? 2000) + 150),
    refetchIntervalInBackground: true,
    gcTime: 0,
  });
  const fetchedAt = q.dataUpdatedAt;
  useEffect(() => {
    const t = setInterval(() => setLeft(Math.max(0, Math.ceil(((q.data?.expiresInMs ?? 0) - (Date.now() - fetchedAt)) / 1000))), 250);
    return () => clearInterval(t);
  }, [q.data, fetchedAt]);
  useEffect(() => {
    const esc = (e: KeyboardEvent) => {
      if (e.key === 'Escape' && !document.fullscreenElement) onClose();
    };
    window.addEventListener('keydown', esc);
    return () => window.removeEventListener('keydown', esc);
  }, [onClose]);
  const close = () => {
    if (document.fullscreenElement) void document.exitFullscreen();
    onClose();
  };
  const d = q.data;
  return (
    <div
      ref={box}
      data-testid="checkin-qr"
      style={{
        position: 'fixed',
        inset: 0,
        zIndex: 2000,
        background: '#fff',
        display: 'flex',
        flexDirection: 'column',
        alignItems: 'center',
        justifyContent: 'center',
        padding: 24,
      }}
    >
      <div style={{ position: 'absolute', top: 16, right: 16, display: 'flex', gap: 8 }}>
        <Button icon={<FullscreenOutlined />} onClick={() => box.current?.requestFullscreen?.().catch(() => {})}>
          全屏
        </Button>
        <Button icon={<CloseOutlined />} onClick={close}>
          关闭
        </Button>
      </div>
      {d ? (
        <>
          <Typography.Title level={2} style={{ marginBottom: 4, textAlign: 'center' }}>
            {d.session.topic}
          </Typography.Title>
          <Typography.Text type="secondary" style={{ fontSize: 18 }}>
            {d.session.when}
            {d.session.place ? ` · ${d.session.place}` : ''}
          </Typography.Text>
          {!d.window.open && (
            <Alert
              type="warning"
              showIcon
              style={{ marginTop: 16, fontSize: 16 }}
              title={d.window.message}
              data-testid="checkin-window-closed"
            />
          )}
          <img
            src={d.qr}
            alt="签到二维码"
            style={{ width: 'min(62vh, 80vw)', height: 'min(62vh, 80vw)', margin: '24px 0 12px', imageRendering: 'pixelated' }}
          />
          <Typography.Text style={{ fontSize: 22 }}>请用手机扫码签到（需已登录平台）</Typography.Text>
          <Typography.Text type="secondary" style={{ fontSize: 16, marginTop: 6 }}>
            二维码每 {Math.round(d.stepMs / 1000)} 秒更新，{left} 秒后更换 · 已签到 <b data-testid="checked-in-count">{d.checkedIn}</b> /{' '}
            {trainees} 人
          </Typography.Text>
        </>
      ) : (
        <Typography.Text type={q.isError ? 'danger' : 'secondary'} style={{ fontSize: 18 }}>
          {q.isError ? q.error.message : '正在生成签到二维码…'}
        </Typography.Text>
      )}
    </div>
  );
}
