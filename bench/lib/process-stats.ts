import fs from 'node:fs';
import { execSync } from 'node:child_process';

/** Resident memory of a process in MB, from /proc (Linux). */
export function residentMemoryMb(pid: number): number {
  const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = Number(/VmRSS:\s+(\d+) kB/.exec(status)?.[1] ?? Number.NaN);
  return kb / 1024;
}

/** Drops the OS page cache so a start is truly cold; returns false where that is not allowed. */
export function dropPageCache(): boolean {
  try {
    execSync('sync');
    fs.writeFileSync('/proc/sys/vm/drop_caches', '3');
    return true;
  } catch {
    return false;
  }
}
