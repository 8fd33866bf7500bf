/**
 * Layering a municipality's edits over a preset version, and re-applying them
 * on a new preset version: the rules of issue #6, on the real 罹災証明書 preset.
 */
import { join } from 'node:path';
import { loadPreset, PRESETS_ROOT } from '@madoguchi/presets';
import {
  EditRefusedError,
  FormValidator,
  checkDraft,
  composeLayer,
  describeFields,
  diffForms,
  finalizeDocument,
  flattenFields,
  lockedFields,
  rebaseLayer,
  type EditOp,
  type FormDocument,
} from '@madoguchi/shared';
import type { Answers } from '../helpers/answers';

const preset = loadPreset(join(PRESETS_ROOT, 'risai-shomeisho'));
const base: FormDocument = { procedure: preset.procedure, schema: preset.schema, uiSchema: preset.uiSchema };
const RISAI_FORM = '罹災証明書交付申請書 統一様式の必須項目（内閣府 2024年11月通知。災害対策基本法第90条の2）';
const example = () => structuredClone(preset.example!) as Answers;
let n = 0;
const op = <T extends Omit<EditOp, 'id'>>(o: T) => ({ id: `op${++n}`, ...o }) as unknown as EditOp;
const compose = (ops: EditOp[], doc: FormDocument = base) => composeLayer(doc, ops, { enforceLocks: true });
const field = (doc: FormDocument, path: string) => flattenFields(describeFields(doc)).find((f) => f.path === path);
const refusal = (fn: () => unknown): EditRefusedError => {
  try {
    fn();
  } catch (error) {
    if (error instanceof EditRefusedError) return error;
    throw error;
  }
  throw new Error('the edit was not refused');
};

/** The preset as a platform admin might publish it next: one field added, one label changed, one field removed. */
function nextPresetVersion(extra: EditOp[] = []): FormDocument {
  return composeLayer(
    base,
    [
      op({ type: 'addField', parent: 'damage', after: 'statement', field: { key: 'photoTakenOn', kind: 'date', label: '写真を撮った日' } }),
      op({ type: 'setLabel', path: 'disaster.name', label: '災害名' }),
      op({ type: 'removeField', path: 'damage.nonResidentialDamage' }),
      ...extra,
    ],
    { enforceLocks: false },
  );
}

describe('layering local edits over a preset version', () => {
  it('changes a label and adds a field; the result is still a valid, publishable form', () => {
    const doc = compose([
      op({ type: 'setLabel', path: 'damagedProperty.structure', label: '建物の構造（分かる範囲で）' }),
      op({ type: 'addField', parent: '', after: 'currentContact', field: { key: 'evacuationNeeds', kind: 'textarea', label: '避難生活で困っていること', help: '市の支援窓口におつなぎします。' } }),
    ]);
    expect(field(doc, 'damagedProperty.structure')?.label).toBe('建物の構造（分かる範囲で）');
    expect(field(doc, 'evacuationNeeds')).toMatchObject({ kind: 'textarea', required: false, help: '市の支援窓口におつなぎします。' });
    expect(doc.uiSchema['ui:order'].indexOf('evacuationNeeds')).toBe(doc.uiSchema['ui:order'].indexOf('currentContact') + 1);
    expect(doc.uiSchema['ui:options'].steps[3].fields).toEqual(['applicant', 'currentContact', 'evacuationNeeds']);
    expect(checkDraft(finalizeDocument(doc, '082015', { presetId: 'risai-shomeisho', presetVersion: 1 }))).toEqual([]);
    const data = { ...example(), evacuationNeeds: '薬が足りない' };
    expect(new FormValidator().validate('t', doc.schema, data).valid).toBe(true);
  });

  it('never changes the base it is layered over', () => {
    const before = JSON.stringify(base);
    compose([op({ type: 'setLabel', path: 'disaster.name', label: 'x' }), op({ type: 'removeField', path: 'consentPhotoSecondaryUse' })]);
    expect(JSON.stringify(base)).toBe(before);
  });

  it('locks the items the law requires (x-legal) and the sections holding them, not every required item', () => {
    const locked = lockedFields(base).map((l) => l.path);
    expect(locked).toEqual(expect.arrayContaining(['disaster', 'disaster.name', 'householder', 'householder.name', 'damage.causes', 'damagedProperty.address']));
    expect(locked).not.toContain('damage.statement');
    expect(locked).not.toContain('consentRisaiInfo');
    expect(locked).not.toContain('consentPhotoSecondaryUse');
    expect(locked).not.toContain('householdMembers');
    expect(lockedFields(base).find((l) => l.path === 'householder.name')).toMatchObject({ reason: 'required', provision: expect.stringContaining('統一様式') });
  });

  it('lets a municipality relax what the preset requires only by design', () => {
    const doc = compose([op({ type: 'setRequired', path: 'damage.statement', required: false }), op({ type: 'removeField', path: 'consentRisaiInfo' })]);
    expect(field(doc, 'damage.statement')?.required).toBe(false);
    expect(field(doc, 'consentRisaiInfo')).toBeUndefined();
  });

  it('refuses, in Japanese, to remove a legally required item', () => {
    const error = refusal(() => compose([op({ type: 'removeField', path: 'householder.name' })]));
    expect(error.code).toBe('locked_item');
    expect(error.message).toBe(`「世帯主の氏名」は法令（${RISAI_FORM}）で定められた必須の項目のため、削除できません。`);
  });

  it('refuses to remove a section holding required items, to make one optional, or to hide it behind a condition', () => {
    expect(refusal(() => compose([op({ type: 'removeField', path: 'householder' })])).code).toBe('locked_item');
    expect(refusal(() => compose([op({ type: 'setRequired', path: 'disaster.date', required: false })])).message).toMatch(/任意の項目にはできません/);
    const hide = op({ type: 'setShowWhen', path: 'damage.causes', showWhen: { field: 'selfAssessment', equals: true } });
    expect(refusal(() => compose([hide])).message).toMatch(/表示する条件/);
  });

  it('refuses to drop a legal option or loosen a rule; lets a design-only attachment go', () => {
    expect(
      refusal(() => compose([op({ type: 'setOptions', path: 'damage.causes', options: ['地震', '津波', '暴風', '竜巻', '豪雨', '洪水', '崖崩れ・土石流・地滑り', '高潮', '豪雪', 'その他'] })]))
        .message,
    ).toMatch(/選択肢「噴火」を削除できません/);
    expect(refusal(() => compose([op({ type: 'setRules', path: 'disaster.name', rules: { maxLength: 500 } })])).message).toMatch(/緩める/);
    // An attachment the preset requires only by design (the 委任状 here) may be dropped; one citing its provision may not (presetLegalLocks.test.ts).
    expect(field(compose([op({ type: 'removeAttachment', attachmentId: 'proxyLetter' })]), 'disaster.name')).toBeDefined();
  });

  it('allows what does not weaken the law: removing an optional item, adding options, tightening a rule, choosing the signature policy', () => {
    const doc = compose([
      op({ type: 'removeField', path: 'consentPhotoSecondaryUse' }),
      op({ type: 'setOptions', path: 'damage.repairStatus', options: ['手を付けていない', '修理中', '修理済み', '解体済み', '解体予定'] }),
      op({ type: 'setRules', path: 'disaster.name', rules: { maxLength: 60 } }),
      op({ type: 'setSignaturePolicy', policy: 'required' }),
      op({ type: 'setContactDesk', contactDesk: { name: '水戸市 税務課 資産税係', phone: '029-224-1111' } }),
      op({ type: 'removeAttachment', attachmentId: 'locationMap' }),
    ]);
    expect(field(doc, 'consentPhotoSecondaryUse')).toBeUndefined();
    expect(doc.procedure.signaturePolicy).toBe('required');
    expect(doc.schema.properties.disaster.properties.name.maxLength).toBe(60);
  });

  it('names the refused edit, so the builder can point at it', () => {
    const bad = op({ type: 'removeField', path: 'applicant' });
    expect(refusal(() => compose([op({ type: 'setLabel', path: 'disaster.name', label: 'x' }), bad])).opId).toBe(bad.id);
  });
});

describe('re-applying local edits on a new preset version', () => {
  const newBase = nextPresetVersion();

  it('re-applies an edit whose field still exists and was not changed by the preset', () => {
    const mine = [op({ type: 'setLabel', path: 'damagedProperty.structure', label: '建物の構造（分かる範囲で）' })];
    const result = rebaseLayer({ oldBase: base, newBase, ops: mine, enforceLocks: true });
    expect(result.outcomes.map((o) => o.status)).toEqual(['reapplied']);
    expect(result.unresolved).toBe(0);
    expect(field(result.document, 'damagedProperty.structure')?.label).toBe('建物の構造（分かる範囲で）');
    expect(field(result.document, 'damage.photoTakenOn')?.label).toBe('写真を撮った日'); // the preset's addition arrives
  });

  it('keeps a locally added field', () => {
    const mine = [op({ type: 'addField', parent: 'damage', after: 'statement', field: { key: 'localNote', kind: 'text', label: '市への連絡事項' } })];
    const result = rebaseLayer({ oldBase: base, newBase, ops: mine, enforceLocks: true });
    expect(result.outcomes[0]!.status).toBe('reapplied');
    const keys = describeFields(result.document)
      .find((f) => f.key === 'damage')!
      .children!.map((c) => c.key);
    expect(keys.slice(keys.indexOf('statement'), keys.indexOf('statement') + 3)).toEqual(['statement', 'localNote', 'photoTakenOn']);
  });

  it('lists an edit of a field the preset removed as a conflict that can only be dropped', () => {
    const mine = [op({ type: 'setHelp', path: 'damage.nonResidentialDamage', help: '物置・車庫など' })];
    const result = rebaseLayer({ oldBase: base, newBase, ops: mine, enforceLocks: true });
    expect(result.unresolved).toBe(1);
    expect(result.outcomes[0]).toMatchObject({ status: 'conflict', conflict: { kind: 'target-removed', choices: ['drop'] } });
    expect(result.outcomes[0]!.conflict!.message).toBe('対象の「住家以外の建物の被害（物置・車庫など）」は新しい版で削除されました。');
    const decided = rebaseLayer({ oldBase: base, newBase, ops: mine, decisions: { [mine[0]!.id]: 'drop' }, enforceLocks: true });
    expect(decided).toMatchObject({ unresolved: 0, ops: [] });
  });

  it("lists an edit the preset also made differently as a conflict staff decide: keep mine or take the preset's", () => {
    const mine = [op({ type: 'setLabel', path: 'disaster.name', label: '災害の名前（分かる範囲で）' })];
    const pending = rebaseLayer({ oldBase: base, newBase, ops: mine, enforceLocks: true });
    expect(pending.outcomes[0]).toMatchObject({ status: 'conflict', conflict: { kind: 'changed-upstream', choices: ['keep', 'drop'] } });
    expect(pending.outcomes[0]!.conflict!.message).toContain('「災害名」に変更されています');
    expect(field(pending.document, 'disaster.name')?.label).toBe('災害名');
    const keep = rebaseLayer({ oldBase: base, newBase, ops: mine, decisions: { [mine[0]!.id]: 'keep' }, enforceLocks: true });
    expect(keep.outcomes[0]!.status).toBe('kept');
    expect(field(keep.document, 'disaster.name')?.label).toBe('災害の名前（分かる範囲で）');
    const drop = rebaseLayer({ oldBase: base, newBase, ops: mine, decisions: { [mine[0]!.id]: 'drop' }, enforceLocks: true });
    expect(field(drop.document, 'disaster.name')?.label).toBe('災害名');
  });

  it('drops an edit the new version already contains, without asking', () => {
    const mine = [op({ type: 'setLabel', path: 'disaster.name', label: '災害名' })];
    expect(rebaseLayer({ oldBase: base, newBase, ops: mine, enforceLocks: true })).toMatchObject({ unresolved: 0, ops: [], outcomes: [{ status: 'obsolete' }] });
  });

  it('renames a local field whose key the preset now uses, when staff keep it, and follows the rename in later edits', () => {
    const upstream = nextPresetVersion([op({ type: 'addField', parent: '', field: { key: 'localNote', kind: 'text', label: 'その他の連絡事項' } })]);
    const add = op({ type: 'addField', parent: '', after: 'delivery', field: { key: 'localNote', kind: 'text', label: '市への連絡事項' } });
    const help = op({ type: 'setHelp', path: 'localNote', help: '自由記入' });
    const pending = rebaseLayer({ oldBase: base, newBase: upstream, ops: [add, help], enforceLocks: true });
    expect(pending.outcomes[0]!.conflict!.kind).toBe('key-taken');
    const kept = rebaseLayer({ oldBase: base, newBase: upstream, ops: [add, help], decisions: { [add.id]: 'keep' }, enforceLocks: true });
    expect(kept.unresolved).toBe(0);
    expect(field(kept.document, 'localNoteLocal')).toMatchObject({ label: '市への連絡事項', help: '自由記入' });
    expect(field(kept.document, 'localNote')?.label).toBe('その他の連絡事項');
  });

  it('follows the rename into a later condition that reads the kept field (setLogic)', () => {
    const upstream = nextPresetVersion([op({ type: 'addField', parent: '', field: { key: 'localNote', kind: 'text', label: 'その他の連絡事項' } })]);
    const add = op({ type: 'addField', parent: '', after: 'delivery', field: { key: 'localNote', kind: 'text', label: '市への連絡事項' } });
    const extra = op({ type: 'addField', parent: '', after: 'localNote', field: { key: 'localDetail', kind: 'text', label: '詳細' } });
    const rule = op({ type: 'setLogic', path: 'localDetail', logic: { effect: 'show', when: { field: 'localNote', op: 'filled' } } });
    const kept = rebaseLayer({ oldBase: base, newBase: upstream, ops: [add, extra, rule], decisions: { [add.id]: 'keep' }, enforceLocks: true });
    expect(kept.unresolved).toBe(0);
    expect(field(kept.document, 'localDetail')?.logic).toEqual({ effect: 'show', when: { field: 'localNoteLocal', op: 'filled' } });
    expect(kept.outcomes[2]!.description).toBe('「詳細」に条件（表示）を設定');
  });

  it('turns an edit into a conflict when the new version makes the item legally required', () => {
    const upstream = nextPresetVersion([op({ type: 'setRequired', path: 'damage.buildingParts', required: true })]);
    (upstream.schema.properties.damage.properties.buildingParts as Record<string, unknown>)['x-legal'] = '災害対策基本法第90条の2（仮の例）';
    const mine = [op({ type: 'removeField', path: 'damage.buildingParts' })];
    const result = rebaseLayer({ oldBase: base, newBase: upstream, ops: mine, enforceLocks: true });
    expect(result.outcomes[0]).toMatchObject({ status: 'conflict', conflict: { choices: ['drop'] } });
    expect(result.outcomes[0]!.conflict!.message).toMatch(/法令（災害対策基本法第90条の2（仮の例））で定められた必須の項目/);
  });

  it('describes every edit in Japanese', () => {
    const mine = [op({ type: 'setLabel', path: 'damagedProperty.structure', label: '構造' }), op({ type: 'removeField', path: 'consentPhotoSecondaryUse' })];
    const result = rebaseLayer({ oldBase: base, newBase, ops: mine, enforceLocks: true });
    expect(result.outcomes.map((o) => o.description)).toEqual(['「建物の構造」の項目名を「構造」に変更', '「添付した写真を、市区町村が災害の記録や防災の目的で利用するこ…」を削除']);
  });
});

describe('a readable diff between preset versions', () => {
  it('lists added, changed and removed fields', () => {
    const diff = diffForms(base, nextPresetVersion());
    expect(diff.fields).toEqual([
      { path: 'disaster.name', label: '災害名', change: 'changed', changes: [{ what: '項目名', before: '災害の名称', after: '災害名' }] },
      { path: 'damage.photoTakenOn', label: '写真を撮った日', change: 'added' },
      { path: 'damage.nonResidentialDamage', label: '住家以外の建物の被害（物置・車庫など）', change: 'removed' },
    ]);
  });
});
