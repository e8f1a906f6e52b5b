import { useEffect, useState } from 'react';
import { Button } from 'antd';

/** «获取验证码» with a 60-second countdown after a successful send. `send` returns false when it failed. */
export function CodeButton({ send, disabled, testId }: { send: () => Promise<boolean>; disabled?: boolean; testId?: string }) {
  const [left, setLeft] = useState(0);
  const [busy, setBusy] = useState(false);
  useEffect(() => {
    if (left <= 0) return;
    const t = setTimeout(() => setLeft((n) => n - 1), 1000);
    return () => clearTimeout(t);
  }, [left]);
  return (
    <Button
      data-testid={testId}
      disabled={disabled || left > 0}
      loading={busy}
      onClick={async () => {
        setBusy(true);
        try {
          if (await send()) setLeft(60);
        } finally {
          setBusy(false);
        }
      }}
    >
      {left > 0 ? `${left} 秒后重新获取` : '获取验证码'}
    </Button>
  );
}
