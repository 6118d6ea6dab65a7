import { execFile } from 'node:child_process';

/**
 * Caps a running process's memory where the OS lets us, so that native allocations (Skia's bitmaps, libvips,
 * the HEIC decoder's WebAssembly memory) fail inside it instead of exhausting the computer:
 *
 * - Linux: RLIMIT_DATA, set on the running worker with util-linux `prlimit --pid` (present on every desktop
 *   distribution). Since Linux 4.7 it counts every private writable mapping — malloc's arenas and mmaps, V8's
 *   committed heap, WebAssembly memory as it grows — but not address space merely reserved, which V8 and
 *   WebAssembly reserve by the gigabyte (RLIMIT_AS would break them). A failed allocation then aborts the worker.
 * - Windows and macOS: no cap is applied (a job object's memory limit needs native code we do not ship, and
 *   macOS does not enforce RLIMIT_DATA). There the protection is the process boundary itself, the V8 heap limit
 *   given at spawn, the pixel checks before anything is decoded or drawn, and each job's time limit, which stops a worker
 *   that a huge allocation has set swapping.
 *
 * Resolves whether the cap is in place.
 */
export function capProcessMemory(pid: number, bytes: number, platform: NodeJS.Platform = process.platform): Promise<boolean> {
  if (platform !== 'linux') return Promise.resolve(false);
  return new Promise((resolve) => {
    execFile('prlimit', ['--pid', String(pid), `--data=${bytes}:${bytes}`], { timeout: 10_000 }, (error) => resolve(!error));
  });
}
