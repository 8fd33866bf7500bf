/**
 * An in-process stand-in for ClamAV's clamd on a unix socket in a temp dir:
 * PING → PONG, INSTREAM → "stream: OK" or, when the stream holds the EICAR
 * test string, "stream: Eicar-Test-Signature FOUND". `mode` simulates
 * trouble: `hang` (accepts, never answers), `close` (hangs up at once),
 * `error` (answers "… ERROR"); `stop()` takes it away entirely.
 */
import { createServer, type Server, type Socket } from 'node:net';
import { join } from 'node:path';
import { makeTempDir } from './tempDir';

// Assembled from parts so this source file itself is not flagged by a scanner on a developer's machine.
export const EICAR = Buffer.from(['X5O!P%@AP[4\\PZX54(P^)7CC)7}$', 'EICAR-STANDARD-ANTIVIRUS-TEST-FILE!$H+H*'].join(''), 'latin1');
export const EICAR_SIGNATURE = 'Eicar-Test-Signature';

export type FakeClamdMode = 'normal' | 'hang' | 'close' | 'error';

export class FakeClamd {
  mode: FakeClamdMode = 'normal';
  /** Chunk lengths of each INSTREAM received (to check chunking). */
  readonly streams: number[][] = [];
  /** The reassembled content of each INSTREAM received. */
  readonly contents: Buffer[] = [];
  private server: Server | undefined;
  private readonly sockets = new Set<Socket>();
  private readonly dir = makeTempDir('fake-clamd-');
  readonly socketPath = join(this.dir.path, 'clamd.ctl');

  async start(): Promise<this> {
    const server = createServer((socket) => this.serve(socket));
    await new Promise<void>((resolve, reject) => server.once('error', reject).listen(this.socketPath, resolve));
    this.server = server;
    return this;
  }

  /** Closes the socket (connections then fail with ENOENT, as when clamd is not running). */
  async stop(): Promise<void> {
    const server = this.server;
    this.server = undefined;
    for (const s of this.sockets) s.destroy();
    if (server) await new Promise<void>((resolve) => server.close(() => resolve()));
  }

  async dispose(): Promise<void> {
    await this.stop();
    this.dir.remove();
  }

  private serve(socket: Socket): void {
    this.sockets.add(socket);
    socket.on('close', () => this.sockets.delete(socket));
    socket.on('error', () => undefined);
    if (this.mode === 'close') {
      socket.destroy();
      return;
    }
    let buffer = Buffer.alloc(0);
    let command: string | undefined;
    const chunks: Buffer[] = [];
    socket.on('data', (data: Buffer) => {
      buffer = Buffer.concat([buffer, data]);
      if (command === undefined) {
        const end = buffer.indexOf(0);
        if (end === -1) return;
        command = buffer.subarray(0, end).toString('latin1');
        buffer = buffer.subarray(end + 1);
        if (command === 'zPING') return this.answer(socket, 'PONG');
        if (command !== 'zINSTREAM') return this.answer(socket, 'UNKNOWN COMMAND');
      }
      // INSTREAM: <uint32 BE length><bytes> … until a zero length.
      while (buffer.length >= 4) {
        const length = buffer.readUInt32BE(0);
        if (length === 0) {
          buffer = buffer.subarray(4);
          const content = Buffer.concat(chunks);
          this.streams.push(chunks.map((c) => c.length));
          this.contents.push(content);
          if (this.mode === 'error') return this.answer(socket, 'INSTREAM size limit exceeded. ERROR');
          return this.answer(socket, content.includes(EICAR) ? `stream: ${EICAR_SIGNATURE} FOUND` : 'stream: OK');
        }
        if (buffer.length < 4 + length) return;
        chunks.push(Buffer.from(buffer.subarray(4, 4 + length)));
        buffer = buffer.subarray(4 + length);
      }
    });
  }

  private answer(socket: Socket, reply: string): void {
    if (this.mode === 'hang') return; // read everything, say nothing: the client's deadline must end it
    socket.end(`${reply}\0`);
  }
}

export async function startFakeClamd(): Promise<FakeClamd> {
  return new FakeClamd().start();
}
