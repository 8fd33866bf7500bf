/** Runs the built server (`node server/dist/main.js`) as a child process, as `npm start` does. */
import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';

const ROOT = join(__dirname, '..', '..');

export interface ServerProcess {
  child: ChildProcess;
  port: number;
  output: () => string;
  /** Resolves when the process has exited. */
  exited: Promise<number | null>;
}

export interface ServerProcessOptions {
  /**
   * RLIMIT_FSIZE for the server (rounded down to 512-byte blocks): writing a file
   * past it fails with EFBIG (Node ignores SIGXFSZ), as on a full disk.
   */
  fileSizeLimitBytes?: number;
}

export function startServerProcess(env: Record<string, string>, options: ServerProcessOptions = {}): Promise<ServerProcess> {
  return new Promise((resolve, reject) => {
    const [command, args] =
      options.fileSizeLimitBytes === undefined
        ? [process.execPath, ['server/dist/main.js']]
        : ['/bin/sh', ['-c', `ulimit -f ${Math.floor(options.fileSizeLimitBytes / 512)} && exec "$0" server/dist/main.js`, process.execPath]];
    const child = spawn(command, args, { cwd: ROOT, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    let started = false;
    const exited = new Promise<number | null>((r) => child.once('exit', (code) => r(code)));
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const match = /serving on http:\/\/localhost:(\d+)/.exec(output);
      if (match && !started) {
        started = true;
        resolve({ child, port: Number(match[1]), output: () => output, exited });
      }
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', onData);
    void exited.then((code) => {
      if (!started) reject(new Error(`server exited with ${code}:\n${output}`));
    });
  });
}
