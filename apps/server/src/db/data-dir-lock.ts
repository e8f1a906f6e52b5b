// One process per embedded data directory. PGlite does not stop a second process from opening the same
// directory (its writes are then silently lost), so the first process owns it through a lock.
//
// On Linux the lock is an abstract Unix socket named after the directory: binding it is atomic (exactly
// one of any number of simultaneous starters wins) and the kernel releases it when the owner exits, even
// when it was killed and not yet reaped, so there is no stale lock to take over. The pid file beside it
// is only for the message. Elsewhere an exclusively created pid file is the fallback (not atomic when a
// stale lock is taken over; documented in docs/SECURITY.md).
import { createHash } from 'node:crypto';
import { closeSync, mkdirSync, openSync, readFileSync, realpathSync, rmSync, writeFileSync, writeSync } from 'node:fs';
import net from 'node:net';
import path from 'node:path';

export class DataDirInUseError extends Error {}

const inUse = (dataDir: string, pid: string) =>
  new DataDirInUseError(
    `数据目录 ${path.resolve(dataDir)} 已被另一个进程${pid ? ` (pid ${pid})` : ''} 使用。同一数据目录只能由一个进程打开：请先停止该进程，或用 DATA_DIR 指定另一个目录。`,
  );

export async function lockDataDir(dataDir: string): Promise<() => void> {
  mkdirSync(dataDir, { recursive: true });
  const pidFile = path.join(dataDir, 'shixun.lock');
  if (process.platform !== 'linux') return lockWithPidFile(dataDir, pidFile);
  const name = `\0shixun-data-${createHash('sha256').update(realpathSync(dataDir)).digest('hex').slice(0, 40)}`;
  const server = net.createServer((sock) => sock.destroy());
  await new Promise<void>((resolve, reject) => {
    server.once('error', (e: NodeJS.ErrnoException) => {
      if (e.code !== 'EADDRINUSE') return reject(e);
      let pid = '';
      try {
        pid = readFileSync(pidFile, 'utf8').trim();
      } catch {
        /* the owner may not have written it yet */
      }
      reject(inUse(dataDir, pid));
    });
    server.listen(name, () => resolve());
  });
  server.unref(); // the lock must not keep the process alive on its own
  writeFileSync(pidFile, String(process.pid));
  return () => {
    rmSync(pidFile, { force: true });
    server.close();
  };
}

function lockWithPidFile(dataDir: string, lockPath: string): () => void {
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const fd = openSync(lockPath, 'wx');
      writeSync(fd, String(process.pid));
      closeSync(fd);
      return () => rmSync(lockPath, { force: true });
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
      const pid = Number(readFileSync(lockPath, 'utf8').trim());
      if (pid && pid !== process.pid && isAlive(pid)) throw inUse(dataDir, String(pid));
      rmSync(lockPath, { force: true }); // stale lock from a process that died
    }
  }
  throw new DataDirInUseError(`无法锁定数据目录 ${dataDir}`);
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}
