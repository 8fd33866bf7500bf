/** The catalog storage contract (edit layers, preset releases): every adapter behaves exactly like this. */
import { ConflictError } from '../../server/src/errors';
import type { EditLayerInput } from '../../server/src/storage/types';
import { describeContract } from './adapters';
import { formInput } from './fixtures';

const t0 = new Date('2026-11-01T00:00:00Z');
const t1 = new Date('2026-11-02T00:00:00Z');
const layer = (owner = '082015', procedureId = 'risai-shomeisho', over: Partial<EditLayerInput> = {}): EditLayerInput => ({
  owner,
  procedureId,
  baseVersion: 1,
  ops: [{ id: 'op1', type: 'setLabel', path: 'disaster.name', label: '災害名' }],
  withdrawn: false,
  updatedAt: t0.toISOString(),
  updatedBy: 'u1',
  ...over,
});

describeContract('catalog storage contract', ({ s }) => {
  describe('edit layers', () => {
    it('inserts a layer at revision 1 and reads it back as saved', async () => {
      const saved = await s().editLayers.save(layer(), null, t0);
      expect(saved).toEqual({ ...layer(), revision: 1, createdAt: t0.toISOString(), updatedAt: t0.toISOString() });
      expect(await s().editLayers.get('082015', 'risai-shomeisho')).toEqual(saved);
      expect(await s().editLayers.get('082015', 'nope')).toBeNull();
    });

    it('refuses a second insert of the same layer', async () => {
      await s().editLayers.save(layer(), null, t0);
      await expect(s().editLayers.save(layer(), null, t0)).rejects.toBeInstanceOf(ConflictError);
    });

    it('replaces a layer only at the revision it was read at (no lost update)', async () => {
      await s().editLayers.save(layer(), null, t0);
      const next = await s().editLayers.save(layer('082015', 'risai-shomeisho', { baseVersion: 2, ops: [], withdrawn: true, updatedBy: 'u2' }), 1, t1);
      expect(next).toMatchObject({ baseVersion: 2, ops: [], withdrawn: true, revision: 2, updatedBy: 'u2', createdAt: t0.toISOString(), updatedAt: t1.toISOString() });
      const stale = s().editLayers.save(layer(), 1, t1);
      await expect(stale).rejects.toBeInstanceOf(ConflictError);
      await expect(stale).rejects.toMatchObject({ code: 'stale_revision' });
      await expect(s().editLayers.save(layer('082015', 'other'), 1, t1)).rejects.toBeInstanceOf(ConflictError);
    });

    it('lists layers by owner and by procedure, and deletes one', async () => {
      await s().editLayers.save(layer('082015', 'b'), null, t0);
      await s().editLayers.save(layer('082015', 'a'), null, t0);
      await s().editLayers.save(layer('131016', 'a'), null, t0);
      expect((await s().editLayers.listByOwner('082015')).map((l) => l.procedureId)).toEqual(['a', 'b']);
      expect((await s().editLayers.listByProcedure('a')).map((l) => l.owner)).toEqual(['082015', '131016']);
      await s().editLayers.delete('082015', 'a');
      expect((await s().editLayers.listByProcedure('a')).map((l) => l.owner)).toEqual(['131016']);
    });
  });

  describe("a municipality's signature policy", () => {
    it('keeps the choice made on an adoption, and the version published with it, with the attachment it makes required', async () => {
      const choice = layer('082015', 'risai-shomeisho', { ops: [{ id: 'sig', type: 'setSignaturePolicy', policy: 'none' }] });
      await s().editLayers.save(choice, null, t0);
      expect((await s().editLayers.get('082015', 'risai-shomeisho'))?.ops).toEqual([{ id: 'sig', type: 'setSignaturePolicy', policy: 'none' }]);
      const input = formInput('risai-shomeisho', '082015');
      input.procedure = {
        ...input.procedure,
        signaturePolicy: 'none',
        basedOn: { presetId: 'risai-shomeisho', presetVersion: 1 },
        attachments: [{ id: 'identityDocument', label: '本人確認書類', required: 'optional', requiredWhenSignature: ['none', 'optional'], accept: ['image/png'], maxFiles: 1, maxSizeMb: 5 }],
      };
      await s().procedures.createDraft(input, t0);
      await s().procedures.publishDraft('082015', 'risai-shomeisho', 1, t0);
      const stored = await s().procedures.getVersion('082015', 'risai-shomeisho', 1);
      expect(stored?.procedure).toMatchObject({ signaturePolicy: 'none', attachments: [{ id: 'identityDocument', requiredWhenSignature: ['none', 'optional'] }] });
    });
  });

  describe('the latest version of each procedure of an owner', () => {
    it('lists drafts, published and retired procedures once each, by id', async () => {
      await s().procedures.createDraft(formInput('b-own', '082015'), t0);
      await s().procedures.publishDraft('082015', 'b-own', 1, t0);
      await s().procedures.createDraft(formInput('b-own', '082015', 'h2'), t0);
      await s().procedures.createDraft(formInput('a-own', '082015'), t0);
      await s().procedures.createDraft(formInput('c-other', '131016'), t0);
      const latest = await s().procedures.listLatest('082015');
      expect(latest.map((v) => [v.procedureId, v.version, v.status])).toEqual([
        ['a-own', 1, 'draft'],
        ['b-own', 2, 'draft'],
      ]);
      expect(await s().procedures.listLatest('999999')).toEqual([]);
    });
  });

  describe('preset releases', () => {
    const release = (version: number, source: 'file' | 'builder', fileHash?: string) => ({
      presetId: 'risai-shomeisho',
      version,
      note: `v${version}`,
      source,
      ...(fileHash ? { fileHash } : {}),
      publishedAt: t0.toISOString(),
      publishedBy: 'system',
    });

    it('keeps releases in version order and finds the last one from the preset file', async () => {
      await s().presetReleases.add(release(1, 'file', 'h1'));
      await s().presetReleases.add(release(3, 'builder'));
      await s().presetReleases.add(release(2, 'file', 'h2'));
      expect((await s().presetReleases.list('risai-shomeisho')).map((r) => r.version)).toEqual([1, 2, 3]);
      expect(await s().presetReleases.lastFromFile('risai-shomeisho')).toEqual(release(2, 'file', 'h2'));
      expect((await s().presetReleases.list('risai-shomeisho'))[2]).toEqual(release(3, 'builder'));
      expect(await s().presetReleases.lastFromFile('nope')).toBeNull();
    });

    it('refuses a second release for the same version', async () => {
      await s().presetReleases.add(release(1, 'file', 'h1'));
      await expect(s().presetReleases.add(release(1, 'builder'))).rejects.toBeInstanceOf(ConflictError);
    });
  });
});
