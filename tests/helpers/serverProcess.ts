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

export function startServerProcess(env: Record<string, string>): Promise<ServerProcess> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['server/dist/main.js'], { cwd: ROOT, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
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
