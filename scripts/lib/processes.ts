import { spawn, type ChildProcess, type SpawnOptions } from 'node:child_process';

/** A child process that is killed, with its whole process group, when we stop or exit. */
export interface Managed {
  name: string;
  child: ChildProcess;
  stop(): Promise<void>;
}

const running = new Set<Managed>();

export function startProcess(name: string, command: string, args: string[], options: SpawnOptions): Managed {
  // detached: the child leads its own process group, so stop() reaches grandchildren (serverless's workers).
  const child = spawn(command, args, { ...options, detached: true });
  const managed: Managed = {
    name,
    child,
    stop: () =>
      new Promise<void>((resolve) => {
        running.delete(managed);
        if (child.exitCode !== null || child.signalCode !== null || child.pid === undefined) return resolve();
        const timer = setTimeout(() => {
          try {
            process.kill(-child.pid!, 'SIGKILL');
          } catch {
            /* already gone */
          }
        }, 5000);
        child.once('exit', () => {
          clearTimeout(timer);
          resolve();
        });
        try {
          process.kill(-child.pid, 'SIGTERM');
        } catch {
          clearTimeout(timer);
          resolve();
        }
      }),
  };
  running.add(managed);
  return managed;
}

/** Kills whatever is still running: the last line of defence on exit. */
export function killAllSync(): void {
  for (const m of running) {
    if (m.child.pid !== undefined && m.child.exitCode === null) {
      try {
        process.kill(-m.child.pid, 'SIGKILL');
      } catch {
        /* already gone */
      }
    }
  }
  running.clear();
}

process.once('exit', killAllSync);
