/**
 * The storage contract of per-file malware scan state (issue #8): every
 * adapter must behave exactly like this.
 */
import { describeContract } from './adapters';
import { fileMeta } from './fixtures';

describeContract('file scan state contract', ({ s }) => {
  const files = () => s().files;

  it('reads a file stored without a state as not_scanned, and keeps the state it was stored with', async () => {
    const plain = fileMeta();
    const clean = fileMeta({ scanState: 'clean', scannedAt: '2026-11-10T00:00:00.000Z' });
    await files().put(plain, Buffer.from('abc'));
    await files().put(clean, Buffer.from('abc'));
    expect(await files().getMeta(plain.id)).toEqual({ ...plain, scanState: 'not_scanned' });
    expect(await files().getMeta(clean.id)).toEqual(clean);
  });

  it('lists pending files oldest first, up to the limit', async () => {
    const a = fileMeta({ scanState: 'pending', createdAt: '2026-11-10T00:00:02.000Z' });
    const b = fileMeta({ scanState: 'pending', createdAt: '2026-11-10T00:00:01.000Z' });
    const c = fileMeta({ scanState: 'pending', createdAt: '2026-11-10T00:00:03.000Z' });
    await files().put(fileMeta({ scanState: 'clean', scannedAt: '2026-11-10T00:00:00.000Z' }), Buffer.from('x'));
    await files().put(fileMeta(), Buffer.from('x'));
    for (const f of [a, b, c]) await files().put(f, Buffer.from('x'));
    expect((await files().listScanPending(10)).map((f) => f.id)).toEqual([b.id, a.id, c.id]);
    expect((await files().listScanPending(2)).map((f) => f.id)).toEqual([b.id, a.id]);
  });

  it('records a verdict on a pending file only, once', async () => {
    const pending = fileMeta({ scanState: 'pending' });
    const other = fileMeta({ scanState: 'pending' });
    const unscanned = fileMeta();
    for (const f of [pending, other, unscanned]) await files().put(f, Buffer.from('x'));
    const at = '2026-11-10T01:00:00.000Z';
    expect(await files().recordScan(pending.id, { state: 'infected', signature: 'Eicar-Test-Signature', scannedAt: at })).toBe(true);
    expect(await files().recordScan(pending.id, { state: 'clean', scannedAt: at })).toBe(false);
    expect(await files().recordScan(unscanned.id, { state: 'clean', scannedAt: at })).toBe(false);
    expect(await files().recordScan('no-such-file', { state: 'clean', scannedAt: at })).toBe(false);
    expect(await files().recordScan(other.id, { state: 'clean', signature: 'ignored for clean files', scannedAt: at })).toBe(true);
    expect(await files().getMeta(pending.id)).toMatchObject({ scanState: 'infected', scanSignature: 'Eicar-Test-Signature', scannedAt: at });
    expect(await files().getMeta(other.id)).toMatchObject({ scanState: 'clean', scannedAt: at });
    expect((await files().getMeta(other.id))!.scanSignature).toBeUndefined();
    expect(await files().getMeta(unscanned.id)).toMatchObject({ scanState: 'not_scanned' });
    expect(await files().listScanPending(10)).toEqual([]);
    // The content is untouched by a verdict.
    expect((await files().getContent(pending.id))!.toString()).toBe('x');
  });
});
