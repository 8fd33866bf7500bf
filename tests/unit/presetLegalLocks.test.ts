/**
 * Every preset locks what the law requires (fields marked `x-legal`, naming
 * the provision) and nothing else: design-only requirements may be relaxed by
 * a municipality, and the signature policy is the municipality's choice
 * unless a provision is cited.
 */
import { loadPresets } from '@madoguchi/presets';
import {
  EditRefusedError,
  attachmentsFor,
  composeLayer,
  createAjv,
  describeFields,
  flattenFields,
  legalProvisionOf,
  locateField,
  lockedFields,
  isLocked,
  signatureChoices,
  signatureConsequence,
  type EditOp,
  type FormDocument,
} from '@madoguchi/shared';

const presets = loadPresets();
let n = 0;
const op = <T extends Omit<EditOp, 'id'>>(o: T) => ({ id: `op${++n}`, ...o }) as unknown as EditOp;
const refusedBy = (base: FormDocument, ops: EditOp[]): EditRefusedError | undefined => {
  try {
    composeLayer(base, ops, { enforceLocks: true });
    return undefined;
  } catch (error) {
    if (error instanceof EditRefusedError) return error;
    throw error;
  }
};

/** Legal items a preset deliberately leaves optional, with why (the lock still stops their removal). */
const LEGAL_BUT_OPTIONAL: Record<string, string[]> = {
  // 個人番号: a 提出代行者 may leave it blank (武蔵野市 and the 番号法 rules on 使者), the desk fills it in.
  'kaigo-nintei-shinki': ['insured.myNumber'],
  'kaigo-nintei-koshin': ['insured.myNumber'],
  'kaigo-nintei-kubun-henko': ['insured.myNumber'],
};

describe.each(presets.map((p) => [p.procedure.id, p] as const))('%s', (id, preset) => {
  const base: FormDocument = { procedure: preset.procedure, schema: preset.schema, uiSchema: preset.uiSchema };
  const fields = flattenFields(describeFields(base));
  const locks = lockedFields(base);
  const legal = locks.filter((l) => l.reason === 'required');

  it('locks exactly the fields marked x-legal, each naming its provision', () => {
    for (const l of legal) {
      const node = locateField(base.schema, l.path)?.node;
      expect(legalProvisionOf(node)).toBe(l.provision);
      expect(l.provision).toMatch(/法|規則|様式/);
    }
    const marked = fields.filter((f) => legalProvisionOf(locateField(base.schema, f.path)?.node)).map((f) => f.path);
    expect(legal.map((l) => l.path).sort()).toEqual(marked.sort());
  });

  it('requires every legal item (in the conditions the preset states), unless it is a documented exception', () => {
    for (const l of legal) {
      const f = fields.find((x) => x.path === l.path);
      expect(f).toBeDefined();
      if ((LEGAL_BUT_OPTIONAL[id] ?? []).includes(l.path)) continue;
      const refused = refusedBy(base, [op({ type: 'setRequired', path: l.path, required: false })]);
      // Either the field is required (and relaxing it is refused) or it is shown only under its condition and required there.
      expect({ path: l.path, code: refused?.code }).toEqual({ path: l.path, code: 'locked_item' });
      expect(refused!.message).toContain(l.provision);
    }
  });

  it('refuses to remove a legal item, naming the provision', () => {
    for (const l of legal) {
      const refused = refusedBy(base, [op({ type: 'removeField', path: l.path })]);
      // A field other questions or attachments depend on is refused earlier, as in use; otherwise by the lock.
      expect(refused?.code).toMatch(/^(locked_item|invalid_edit)$/);
      if (refused!.code === 'locked_item') expect(refused!.message).toContain(`法令（${l.provision}）`);
      else expect(refused!.message).toMatch(/条件に使われているため削除できません/);
    }
  });

  it("lets the municipality relax a requirement that is only the preset's design", () => {
    const designOnly = fields.filter((f) => f.required && f.kind !== 'section' && f.kind !== 'group' && !isLocked(locks, f.path) && !locks.some((l) => f.path.startsWith(`${l.path}.`)));
    for (const f of designOnly) {
      const refused = refusedBy(base, [op({ type: 'setRequired', path: f.path, required: false })]);
      expect({ path: f.path, refused: refused?.code === 'locked_item' ? refused.message : undefined }).toEqual({ path: f.path, refused: undefined });
    }
  });

  it('locks only the attachments that cite their provision', () => {
    for (const a of preset.procedure.attachments) {
      const refused = refusedBy(base, [op({ type: 'removeAttachment', attachmentId: a.id })]);
      if (a.legalBasis && a.required !== 'optional') expect(refused?.message).toBe(`添付書類「${a.label}」は法令（${a.legalBasis}）で提出が求められているため、削除できません。`);
      else expect({ id: a.id, refused: refused?.code === 'locked_item' ? refused.message : undefined }).toEqual({ id: a.id, refused: undefined });
    }
  });

  it('leaves the signature policy to the municipality unless a provision is cited', () => {
    for (const policy of ['required', 'optional', 'none'] as const) {
      const refused = refusedBy(base, [op({ type: 'setSignaturePolicy', policy })]);
      if (preset.procedure.signatureLegalBasis) continue;
      expect({ policy, refused: refused?.message }).toEqual({ policy, refused: undefined });
    }
  });
});

describe('signature choices in the builder', () => {
  const risai = presets.find((p) => p.procedure.id === 'risai-shomeisho')!.procedure;

  it('offers required, optional and none unless a provision sets a floor', () => {
    expect(signatureChoices({ signaturePolicy: 'required' })).toEqual(['required', 'optional', 'none']);
    expect(signatureChoices({ signaturePolicy: 'required', signatureLegalBasis: '某法第1条' })).toEqual(['required']);
    expect(signatureChoices({ signaturePolicy: 'optional', signatureLegalBasis: '某法第1条' })).toEqual(['required', 'optional']);
  });

  it('says what follows: for the 罹災証明書 without a signature, the identity document becomes required', () => {
    expect(signatureConsequence(risai, 'none')).toContain('「本人確認書類」の添付が必須になります');
    expect(signatureConsequence(risai, 'required')).toContain('署名が本人確認になります');
    expect(attachmentsFor({ ...risai, signaturePolicy: 'none' }).find((a) => a.id === 'identityDocument')?.required).toBe('always');
    expect(attachmentsFor({ ...risai, signaturePolicy: 'required' }).find((a) => a.id === 'identityDocument')?.required).toBe('optional');
  });

  it('refuses loosening a signature a provision requires, naming it', () => {
    const preset = presets.find((p) => p.procedure.id === 'jidou-teate-gaku-kaitei')!;
    const base: FormDocument = { procedure: { ...preset.procedure, signatureLegalBasis: '某法第1条' }, schema: preset.schema, uiSchema: preset.uiSchema };
    expect(refusedBy(base, [op({ type: 'setSignaturePolicy', policy: 'none' })])?.message).toBe(
      'この手続の電子署名は法令（某法第1条）で定められているため、プリセットの定めより緩めることはできません。',
    );
  });
});

describe('the x-legal keyword', () => {
  it('is known to the shared ajv, which refuses a mark that names no provision', () => {
    expect(() => createAjv().compile({ type: 'object', properties: { a: { type: 'string', 'x-legal': '某法第1条' } } })).not.toThrow();
    expect(() => createAjv().compile({ type: 'object', properties: { a: { type: 'string', 'x-legal': true } } })).toThrow();
    expect(() => createAjv().compile({ type: 'object', properties: { a: { type: 'string', 'x-legal': '' } } })).toThrow();
  });
});
