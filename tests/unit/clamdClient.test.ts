/** The clamd client (INSTREAM, PING) against an in-process fake clamd, and its configuration. */
import { randomBytes } from 'node:crypto';
import { ClamdClient, ClamdUnavailableError, instreamFrames, parseScanReply } from '../../server/src/modules/uploads/clamdClient';
import { loadScanConfig } from '../../server/src/modules/uploads/scanConfig';
import { loadConfig } from '../../server/src/config';
import { EICAR, EICAR_SIGNATURE, startFakeClamd, type FakeClamd } from '../helpers/fakeClamd';

describe('clamd protocol pieces', () => {
  it('frames INSTREAM as command, big-endian length-prefixed chunks and a zero terminator', () => {
    const frames = instreamFrames(Buffer.from('abcdefghij'), 4);
    expect(frames[0]!.toString('latin1')).toBe('zINSTREAM\0');
    expect(frames.slice(1).map((f) => f.toString('hex'))).toEqual([
      '00000004',
      Buffer.from('abcd').toString('hex'),
      '00000004',
      Buffer.from('efgh').toString('hex'),
      '00000002',
      Buffer.from('ij').toString('hex'),
      '00000000',
    ]);
    expect(instreamFrames(Buffer.alloc(0)).map((f) => f.toString('hex'))).toEqual([Buffer.from('zINSTREAM\0').toString('hex'), '00000000']);
  });

  it('reads OK, FOUND (with the signature name) and refuses anything else', () => {
    expect(parseScanReply('stream: OK')).toEqual({ infected: false });
    expect(parseScanReply('1: stream: OK')).toEqual({ infected: false });
    expect(parseScanReply('stream: Win.Test.EICAR_HDB-1 FOUND')).toEqual({ infected: true, signature: 'Win.Test.EICAR_HDB-1' });
    expect(parseScanReply('stream: Bad\u0007Name FOUND')).toEqual({ infected: true, signature: 'BadName' });
    for (const reply of ['INSTREAM size limit exceeded. ERROR', 'stream: lstat() failed: ERROR', '', 'stream: OKAY', 'PONG']) {
      expect(() => parseScanReply(reply)).toThrow(ClamdUnavailableError);
    }
  });
});

describe('ClamdClient against a fake clamd', () => {
  let clamd: FakeClamd;
  beforeEach(async () => {
    clamd = await startFakeClamd();
  });
  afterEach(async () => {
    await clamd.dispose();
  });
  const client = (timeoutMs = 1000, chunk?: number) => new ClamdClient({ socketPath: clamd.socketPath }, timeoutMs, chunk);

  it('pings', async () => {
    expect(await client().ping()).toBe(true);
  });

  it('streams a large file in chunks and gets a clean verdict; clamd sees exactly the bytes sent', async () => {
    const content = randomBytes(200 * 1024 + 123);
    expect(await client(2000).scan(content)).toEqual({ infected: false });
    expect(clamd.streams[0]).toEqual([65536, 65536, 65536, 200 * 1024 + 123 - 3 * 65536]);
    expect(clamd.contents[0]!.equals(content)).toBe(true);
  });

  it('finds EICAR even when it straddles a chunk boundary', async () => {
    const content = Buffer.concat([Buffer.from('%PDF-1.4\n'), randomBytes(40), EICAR, randomBytes(40)]);
    const verdict = await client(1000, 16).scan(content);
    expect(verdict).toEqual({ infected: true, signature: EICAR_SIGNATURE });
    expect(clamd.streams[0]!.every((n) => n <= 16)).toBe(true);
  });

  it('reports an ERROR answer as no verdict (reason error), never as clean', async () => {
    clamd.mode = 'error';
    await expect(client().scan(Buffer.from('x'))).rejects.toMatchObject({ name: 'ClamdUnavailableError', reason: 'error' });
  });

  it('gives up after the deadline when clamd hangs', async () => {
    clamd.mode = 'hang';
    const started = Date.now();
    await expect(client(300).scan(Buffer.from('x'))).rejects.toMatchObject({ reason: 'timeout' });
    expect(Date.now() - started).toBeLessThan(2000);
    expect(await client(300).ping()).toBe(false);
  });

  it('reports a hang-up without an answer', async () => {
    clamd.mode = 'close';
    await expect(client().scan(Buffer.from('x'))).rejects.toMatchObject({ reason: 'closed' });
  });

  it('reports an absent clamd as unreachable, and ping says false', async () => {
    await clamd.stop();
    await expect(client().scan(Buffer.from('x'))).rejects.toMatchObject({ reason: 'unreachable' });
    expect(await client().ping()).toBe(false);
  });
});

describe('scanning configuration', () => {
  it('is off unless CLAMD_SOCKET or CLAMD_HOST is set', () => {
    expect(loadScanConfig({})).toBeUndefined();
    expect(loadConfig({ DATA_DIR: '/tmp/x' }).malwareScan).toBeUndefined();
  });

  it('takes a unix socket or host and port, with a deadline and a rescan interval', () => {
    expect(loadScanConfig({ CLAMD_SOCKET: '/run/clamav/clamd.ctl' })).toEqual({ target: { socketPath: '/run/clamav/clamd.ctl' }, timeoutMs: 15000, rescanMinutes: 5 });
    expect(loadScanConfig({ CLAMD_HOST: 'clamav', CLAMD_TIMEOUT_MS: '2000', CLAMD_RESCAN_MINUTES: '1' })).toEqual({ target: { host: 'clamav', port: 3310 }, timeoutMs: 2000, rescanMinutes: 1 });
    expect(loadConfig({ DATA_DIR: '/tmp/x', CLAMD_HOST: 'clamav', CLAMD_PORT: '3311' }).malwareScan?.target).toEqual({ host: 'clamav', port: 3311 });
  });

  it('names the variable when a value is wrong', () => {
    expect(() => loadScanConfig({ CLAMD_SOCKET: '/a', CLAMD_HOST: 'b' })).toThrow(/CLAMD_SOCKET or CLAMD_HOST/);
    expect(() => loadScanConfig({ CLAMD_SOCKET: 'relative.ctl' })).toThrow(/CLAMD_SOCKET/);
    expect(() => loadScanConfig({ CLAMD_PORT: '3310' })).toThrow(/CLAMD_PORT/);
    expect(() => loadScanConfig({ CLAMD_HOST: 'h', CLAMD_PORT: '70000' })).toThrow(/CLAMD_PORT/);
    expect(() => loadScanConfig({ CLAMD_HOST: 'h', CLAMD_TIMEOUT_MS: 'soon' })).toThrow(/CLAMD_TIMEOUT_MS/);
  });
});
