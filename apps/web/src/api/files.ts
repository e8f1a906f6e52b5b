// Downloads and uploads outside the JSON client: a file saved from a response (with the server's
// Chinese error when it fails), and a multipart upload that reports its progress.
import { ApiError } from './client.ts';

function fileNameOf(disposition: string | null, fallback: string): string {
  const m = disposition?.match(/filename\*=UTF-8''([^;]+)/i);
  if (!m) return fallback;
  try {
    return decodeURIComponent(m[1]!);
  } catch {
    return fallback;
  }
}

async function fetchFile(url: string): Promise<Response> {
  let res: Response;
  try {
    res = await fetch(url, { credentials: 'same-origin' });
  } catch {
    throw new ApiError(0, 'NETWORK', '无法连接服务器，请检查网络后重试');
  }
  if (!res.ok) {
    const body = (await res.json().catch(() => ({}))) as { code?: string; message?: string };
    throw new ApiError(res.status, body.code ?? `HTTP_${res.status}`, body.message ?? `下载失败（${res.status}），请稍后重试`);
  }
  return res;
}

/** Saves the response as a file named as the server says. */
export async function downloadFile(url: string, fallbackName: string): Promise<void> {
  const res = await fetchFile(url);
  const href = URL.createObjectURL(await res.blob());
  const a = document.createElement('a');
  a.href = href;
  a.download = fileNameOf(res.headers.get('content-disposition'), fallbackName);
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(href), 30_000);
}

/** Opens a PDF in a new tab to print (打印): fetched first, so a refusal shows as a message, not an error page. */
export async function openPdf(url: string): Promise<void> {
  const tab = window.open('', '_blank');
  try {
    const res = await fetchFile(url);
    const href = URL.createObjectURL(await res.blob());
    if (tab) tab.location.href = href;
    else window.location.assign(href);
  } catch (e) {
    tab?.close();
    throw e;
  }
}

const csrf = () => decodeURIComponent(document.cookie.match(/(?:^|;\s*)sx_csrf=([^;]*)/)?.[1] ?? '');

/** POSTs one file as multipart, calling onProgress with 0–100 while it is sent. */
export function uploadWithProgress<T>(url: string, file: File, onProgress: (percent: number) => void): Promise<T> {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', url);
    xhr.setRequestHeader('x-csrf-token', csrf());
    xhr.setRequestHeader('accept', 'application/json');
    xhr.upload.onprogress = (e) => {
      if (e.lengthComputable) onProgress(Math.round((e.loaded / e.total) * 100));
    };
    xhr.onerror = () => reject(new ApiError(0, 'NETWORK', '无法连接服务器，请检查网络后重试'));
    xhr.onload = () => {
      let body: { code?: string; message?: string } | undefined;
      try {
        body = JSON.parse(xhr.responseText);
      } catch {
        body = undefined;
      }
      if (xhr.status >= 200 && xhr.status < 300) resolve(body as T);
      else reject(new ApiError(xhr.status, body?.code ?? `HTTP_${xhr.status}`, body?.message ?? `上传失败（${xhr.status}），请稍后重试`));
    };
    const fd = new FormData();
    fd.append('file', file);
    xhr.send(fd);
  });
}
