/**
 * A minimal client for ClamAV's daemon (clamd): PING and INSTREAM over a unix
 * socket or TCP (protocol: clamd(8), "INSTREAM").
 *
 * Why our own and not the `clamscan` npm package: that package is built around
 * the clamscan/clamdscan binaries (it probes for them unless told not to), its
 * last release dates from 2024, and it reports "clamd is down" and "clamd
 * answered ERROR" through the same failure path with its own timeouts. We need
 * exactly three outcomes kept apart — clean, infected (refuse), no verdict
 * (accept as pending, rescan later) — under one hard deadline per call, and no
 * binaries. The protocol is a command, length-prefixed chunks and one reply
 * line, so a small tested module is less to trust than a dependency.
 */
import { connect } from 'node:net';

export type ClamdTarget = { socketPath: string } | { host: string; port: number };

export type ScanVerdict = { infected: false } | { infected: true; signature: string };

/** Anything scanning uploads: clamd in production, a stub where a test wants one. */
export interface MalwareScanner {
  scan(content: Buffer): Promise<ScanVerdict>;
  /** True when the scanner answers; never throws. */
  ping(timeoutMs?: number): Promise<boolean>;
}

/** clamd gave no verdict: unreachable, too slow, hung up, or answered with an error. */
export class ClamdUnavailableError extends Error {
  override name = 'ClamdUnavailableError';
  constructor(
    readonly reason: 'unreachable' | 'timeout' | 'closed' | 'error',
    message: string,
  ) {
    super(message);
  }
}

/** clamd's default StreamMaxLength is 25 MB; chunks only need to be well under its buffer. */
export const DEFAULT_CHUNK_BYTES = 64 * 1024;

/** The INSTREAM request as frames: command, then <4-byte big-endian length><bytes> per chunk, then a zero length. */
export function instreamFrames(content: Buffer, chunkBytes = DEFAULT_CHUNK_BYTES): Buffer[] {
  const frames: Buffer[] = [Buffer.from('zINSTREAM\0', 'latin1')];
  for (let offset = 0; offset < content.length; offset += chunkBytes) {
    const chunk = content.subarray(offset, offset + chunkBytes);
    const length = Buffer.alloc(4);
    length.writeUInt32BE(chunk.length);
    frames.push(length, chunk);
  }
  frames.push(Buffer.alloc(4));
  return frames;
}

/** Reads clamd's answer to INSTREAM: "stream: OK", "stream: <Name> FOUND", or "<why> ERROR". */
export function parseScanReply(reply: string): ScanVerdict {
  // With IDSESSION clamd prefixes a request number ("1: stream: OK"); accept it as well.
  const body = reply.replace(/^\d+: /, '');
  if (body === 'stream: OK') return { infected: false };
  const found = /^stream: (.+) FOUND$/.exec(body);
  if (found) {
    // The name is shown to staff and stored: keep it printable and short.
    // eslint-disable-next-line no-control-regex
    const printable = found[1]!.replace(/[\u0000-\u001f\u007f]/g, '');
    const signature = printable.trim().slice(0, 200) || 'unknown';
    return { infected: true, signature };
  }
  throw new ClamdUnavailableError('error', `clamd answered: ${reply.slice(0, 200) || '(nothing)'}`);
}

export class ClamdClient implements MalwareScanner {
  constructor(
    private readonly target: ClamdTarget,
    private readonly timeoutMs: number,
    private readonly chunkBytes = DEFAULT_CHUNK_BYTES,
  ) {}

  async ping(timeoutMs = this.timeoutMs): Promise<boolean> {
    try {
      return (await this.exchange([Buffer.from('zPING\0', 'latin1')], timeoutMs)) === 'PONG';
    } catch {
      return false;
    }
  }

  async scan(content: Buffer): Promise<ScanVerdict> {
    return parseScanReply(await this.exchange(instreamFrames(content, this.chunkBytes), this.timeoutMs));
  }

  /** Sends the frames on a fresh connection and returns the reply up to its NUL, all within `timeoutMs`. */
  private exchange(frames: Buffer[], timeoutMs: number): Promise<string> {
    return new Promise<string>((resolve, reject) => {
      const socket = 'socketPath' in this.target ? connect({ path: this.target.socketPath }) : connect({ host: this.target.host, port: this.target.port });
      const received: Buffer[] = [];
      let connected = false;
      let settled = false;
      const reply = () => {
        const all = Buffer.concat(received);
        const end = all.indexOf(0);
        return (end === -1 ? all : all.subarray(0, end)).toString('utf8').trim();
      };
      const finish = (error?: Error) => {
        if (settled) return;
        settled = true;
        clearTimeout(timer);
        socket.destroy();
        if (error) reject(error);
        else resolve(reply());
      };
      const timer = setTimeout(() => finish(new ClamdUnavailableError('timeout', `clamd did not answer within ${timeoutMs} ms`)), timeoutMs);

      socket.on('connect', () => {
        connected = true;
        void (async () => {
          for (const frame of frames) {
            if (settled) return;
            // Respect back-pressure so a slow clamd never makes us buffer the whole file twice.
            if (!socket.write(frame)) await new Promise((r) => socket.once('drain', r).once('close', r));
          }
        })();
      });
      socket.on('data', (data: Buffer) => {
        received.push(data);
        if (data.includes(0)) finish();
      });
      // clamd may answer (e.g. "size limit exceeded. ERROR") and hang up while we still write: keep its answer.
      socket.on('end', () => (received.length > 0 ? finish() : finish(new ClamdUnavailableError('closed', 'clamd closed the connection without answering'))));
      socket.on('error', (error: Error) => {
        if (received.length > 0) finish();
        else finish(new ClamdUnavailableError(connected ? 'closed' : 'unreachable', `clamd: ${error.message}`));
      });
      socket.on('close', () => (received.length > 0 ? finish() : finish(new ClamdUnavailableError('closed', 'clamd closed the connection without answering'))));
    });
  }
}
