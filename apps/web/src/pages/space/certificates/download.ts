import { ApiError } from '../../../api/client.ts';

/** The file name the server chose (RFC 5987 filename*), else the fallback. */
function fileNameOf(disposition: string | null, fallback: string): string {
  const m = disposition?.match(/filename\*=UTF-8''([^;]+)/i);
  if (!m) return fallback;
  try {
    return decodeURIComponent(m[1]!);
  } catch {
    return fallback;
  }
}

/** Fetches the PDF with the session cookie and saves it; errors come back as the server's Chinese message. */
export async function downloadCertificate(id: number, fallbackName: string): Promise<void> {
  let res: Response;
  try {
    res = await fetch(`/api/certificates/${id}/pdf`, { credentials: 'same-origin' });
  } catch {
    throw new ApiError(0, 'NETWORK', '无法连接服务器，请检查网络后重试');
  }
  if (!res.ok) {
    const body = (await res.json().catch(() => ({}))) as { code?: string; message?: string };
    throw new ApiError(res.status, body.code ?? `HTTP_${res.status}`, body.message ?? `下载失败（${res.status}），请稍后重试`);
  }
  const url = URL.createObjectURL(await res.blob());
  const a = document.createElement('a');
  a.href = url;
  a.download = fileNameOf(res.headers.get('content-disposition'), fallbackName);
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 30_000);
}
