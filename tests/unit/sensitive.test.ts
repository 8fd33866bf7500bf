/**
 * Sensitive answers (issue #8): which schema nodes are sensitive, how their
 * values are masked, how the answer list, ajv, the builder's edits and the
 * legal locks treat the `x-sensitive` keyword, and which preset fields carry it.
 */
import { join } from 'node:path';
import { loadPreset, loadPresets, PRESETS_ROOT } from '@madoguchi/presets';
import {
  EDIT_OP_SCHEMA,
  EditRefusedError,
  FormValidator,
  SENSITIVE_PLACEHOLDER,
  answerList,
  applyOp,
  composeLayer,
  createAjv,
  defaultProcedure,
  describeFields,
  flattenFields,
  isSensitiveNode,
  maskSensitive,
  validateProcedureDefinition,
  type EditOp,
  type FormDocument,
  type JsonSchema,
} from '@madoguchi/shared';

let n = 0;
const op = <T extends Omit<EditOp, 'id'>>(o: T) => ({ id: `s${++n}`, ...o }) as unknown as EditOp;
const refusal = (fn: () => unknown): EditRefusedError => {
  try {
    fn();
  } catch (error) {
    if (error instanceof EditRefusedError) return error;
    throw error;
  }
  throw new Error('the edit was not refused');
};

describe('the sensitive helper', () => {
  it('treats x-sensitive: true and every 個人番号 as sensitive, nothing else', () => {
    expect(isSensitiveNode({ type: 'string', 'x-sensitive': true })).toBe(true);
    expect(isSensitiveNode({ type: 'string', format: 'my-number' })).toBe(true);
    expect(isSensitiveNode({ type: 'string', format: 'my-number', 'x-sensitive': false })).toBe(true); // cannot be unset
    expect(isSensitiveNode({ type: 'string', 'x-sensitive': 'yes' })).toBe(false);
    expect(isSensitiveNode({ type: 'string' })).toBe(false);
    expect(isSensitiveNode(undefined)).toBe(false);
  });

  it('keeps the last four digits of a 個人番号 and hides everything else behind a fixed placeholder', () => {
    expect(maskSensitive('123456789018', { format: 'my-number' })).toBe('********9018');
    expect(maskSensitive('12345', { format: 'my-number' })).toBe(SENSITIVE_PLACEHOLDER.ja); // not a 個人番号: nothing shown
    expect(maskSensitive('1234567', { 'x-sensitive': true })).toBe('＊＊＊（非表示）');
    expect(maskSensitive('糖尿病', { 'x-sensitive': true }, 'en')).toBe('*** (hidden)');
    // The length of the value is never given away.
    expect(maskSensitive('a', {})).toBe(maskSensitive('a much longer answer about an illness', {}));
  });
});

describe('answerList', () => {
  const schema: JsonSchema = {
    type: 'object',
    definitions: { account: { type: 'object', properties: { bankName: { type: 'string', title: '金融機関名' }, accountNumber: { type: 'string', title: '口座番号' } } } },
    properties: {
      name: { type: 'string', title: '氏名' },
      myNumber: { type: 'string', title: '個人番号', format: 'my-number' },
      account: { $ref: '#/definitions/account', title: '振込先口座', 'x-sensitive': true },
      visits: { type: 'array', title: '通院', 'x-sensitive': true, items: { type: 'object', title: '通院', properties: { clinic: { type: 'string', title: '医療機関' } } } },
      diseases: { type: 'array', title: '病名', 'x-sensitive': true, items: { type: 'string', enum: ['糖尿病', '高血圧'] } },
      hasCert: { type: 'boolean', title: '手帳の有無', 'x-sensitive': true },
    },
  };
  const data = {
    name: '水戸 花子',
    myNumber: '123456789018',
    account: { bankName: 'みと銀行', accountNumber: '7654321' },
    visits: [{ clinic: '水戸クリニック' }],
    diseases: ['糖尿病'],
    hasCert: true,
  };
  const byPointer = (options = {}) => new Map(answerList(schema, data, options).map((l) => [l.pointer, l]));

  it('masks sensitive answers, everything under a sensitive group or $ref block, and flags them', () => {
    const lines = byPointer();
    expect(lines.get('/name')).toMatchObject({ value: '水戸 花子' });
    expect(lines.get('/name')!.sensitive).toBeUndefined();
    expect(lines.get('/myNumber')).toMatchObject({ value: '********9018', sensitive: true });
    expect(lines.get('/account/accountNumber')).toMatchObject({ value: '＊＊＊（非表示）', sensitive: true });
    expect(lines.get('/account/bankName')).toMatchObject({ value: '＊＊＊（非表示）', sensitive: true });
    expect(lines.get('/visits/0/clinic')).toMatchObject({ value: '＊＊＊（非表示）', sensitive: true });
    expect(lines.get('/diseases')).toMatchObject({ value: '＊＊＊（非表示）', sensitive: true });
    expect(lines.get('/hasCert')).toMatchObject({ value: '＊＊＊（非表示）', sensitive: true });
    expect(JSON.stringify([...lines.values()])).not.toMatch(/7654321|みと銀行|水戸クリニック|糖尿病|123456789018/);
  });

  it('shows them in clear with revealSensitive (still flagged)', () => {
    const lines = byPointer({ revealSensitive: true });
    expect(lines.get('/myNumber')).toMatchObject({ value: '123456789018', sensitive: true });
    expect(lines.get('/account/accountNumber')).toMatchObject({ value: '7654321', sensitive: true });
    expect(lines.get('/diseases')!.value).toBe('糖尿病');
    expect(lines.get('/hasCert')!.value).toBe('はい');
  });

  it('masks in English too', () => {
    expect(byPointer({ language: 'en' }).get('/account/bankName')!.value).toBe('*** (hidden)');
  });
});

describe('ajv and the procedure checks', () => {
  const form = (mark: unknown): JsonSchema => ({ type: 'object', title: 't', properties: { a: { type: 'string', title: 'A', 'x-sensitive': mark } } });

  it('accepts the keyword as an annotation that never changes validation', () => {
    const validate = createAjv().compile(form(true));
    expect(validate({ a: 'x' })).toBe(true);
    expect(validate({ a: 1 })).toBe(false);
    expect(new FormValidator().validate('t', form(true), { a: 'x' }).valid).toBe(true);
  });

  it('refuses a value that is not a boolean, so a typo never leaves a field unmasked', () => {
    expect(() => createAjv().compile(form('yes'))).toThrow(/x-sensitive/);
    const procedure = defaultProcedure('082015', 'tesuto-tetsuzuki', 'テスト');
    expect(validateProcedureDefinition(procedure, { schema: form('yes'), uiSchema: {} }).map((p) => p.where)).toContain('schema');
    expect(validateProcedureDefinition(procedure, { schema: form(true), uiSchema: {} }).filter((p) => p.where === 'schema')).toEqual([]);
  });
});

describe('the builder: setSensitive', () => {
  const empty = (): FormDocument => ({
    procedure: defaultProcedure('082015', 'kyufu', '給付の申請'),
    schema: { type: 'object', title: '給付の申請', properties: {} },
    uiSchema: {},
  });
  const built = composeLayer(
    empty(),
    [
      op({ type: 'addField', parent: '', field: { key: 'account', kind: 'bankAccount', label: '振込先口座' } }),
      op({ type: 'addField', parent: '', field: { key: 'myNumber', kind: 'myNumber', label: '個人番号' } }),
      op({ type: 'addField', parent: '', field: { key: 'illness', kind: 'textarea', label: '病名' } }),
    ],
    { enforceLocks: false },
  );
  const info = (doc: FormDocument, path: string) => flattenFields(describeFields(doc)).find((f) => f.path === path)!;

  it('marks a new bank account sensitive by default, and a 個人番号 always (locked)', () => {
    expect(built.schema.properties.account['x-sensitive']).toBe(true);
    expect(info(built, 'account')).toMatchObject({ sensitive: true, sensitiveLocked: false });
    expect(info(built, 'myNumber')).toMatchObject({ sensitive: true, sensitiveLocked: true });
    expect(info(built, 'illness')).toMatchObject({ sensitive: false, sensitiveLocked: false });
  });

  it('sets and clears the mark; refuses to clear it on a 個人番号', () => {
    const marked = applyOp(built, op({ type: 'setSensitive', path: 'illness', sensitive: true }));
    expect(marked.schema.properties.illness['x-sensitive']).toBe(true);
    const cleared = applyOp(marked, op({ type: 'setSensitive', path: 'account', sensitive: false }));
    expect(cleared.schema.properties.account['x-sensitive']).toBeUndefined();
    expect(refusal(() => applyOp(built, op({ type: 'setSensitive', path: 'myNumber', sensitive: false }))).message).toContain('個人番号');
  });

  it('is a well-formed edit for the server', () => {
    const validate = createAjv().compile(EDIT_OP_SCHEMA);
    expect(validate({ id: 'a1', type: 'setSensitive', path: 'illness', sensitive: true })).toBe(true);
    expect(validate({ id: 'a1', type: 'setSensitive', path: 'illness', sensitive: 'yes' })).toBe(false);
  });

  it('may not take a preset’s mark off (a municipality adopting it keeps the floor)', () => {
    const preset = loadPreset(join(PRESETS_ROOT, 'kaigo-nintei-shinki'));
    const base: FormDocument = { procedure: preset.procedure, schema: preset.schema, uiSchema: preset.uiSchema };
    const error = refusal(() => composeLayer(base, [op({ type: 'setSensitive', path: 'physician', sensitive: false })], { enforceLocks: true }));
    expect(error.code).toBe('locked_item');
    expect(error.message).toContain('機微情報');
    // Marking more is always allowed.
    expect(() => composeLayer(base, [op({ type: 'setSensitive', path: 'medicalInsurance', sensitive: true })], { enforceLocks: true })).not.toThrow();
  });
});

describe('the presets', () => {
  const presets = loadPresets();

  /** Every node of a schema with its path. */
  function nodes(schema: JsonSchema, visit: (node: JsonSchema, key: string) => void): void {
    const walk = (node: unknown, key: string) => {
      if (Array.isArray(node)) return node.forEach((n) => walk(n, key));
      if (!node || typeof node !== 'object') return;
      for (const [k, v] of Object.entries(node as Record<string, unknown>)) {
        if (k === 'properties' && v && typeof v === 'object')
          for (const [pk, pv] of Object.entries(v)) {
            visit(pv as JsonSchema, pk);
            walk(pv, pk);
          }
        else if (k !== 'if') walk(v, key);
      }
    };
    walk(schema, '');
  }

  it('mark every bank account, illness and 主治医 field sensitive', () => {
    const unmarked: string[] = [];
    for (const p of presets) {
      nodes(p.schema, (node, key) => {
        const account = typeof node.$ref === 'string' && /ccount/.test(node.$ref);
        const health = ['physician', 'specifiedDisease', 'illnessDetail', 'careDetail', 'childHealth', 'medicalHistory', 'stdCheck', 'tbCheck'].includes(key);
        if ((account || health) && node['x-sensitive'] !== true && !unmarked.includes(`${p.procedure.id}:${key}`)) {
          // medicalHistory sits inside the sensitive questionnaire group of 妊娠届出
          if (!(key === 'medicalHistory' && p.procedure.id === 'ninshin-todoke')) unmarked.push(`${p.procedure.id}:${key}`);
        }
      });
    }
    expect(unmarked).toEqual([]);
  });

  it('mask those answers in the example of 要介護認定（新規）', () => {
    const p = presets.find((x) => x.procedure.id === 'kaigo-nintei-shinki')!;
    const lines = answerList(p.schema, p.example);
    const physician = lines.filter((l) => l.pointer.startsWith('/physician/'));
    expect(physician.length).toBeGreaterThan(0);
    expect(physician.every((l) => l.sensitive && l.value === '＊＊＊（非表示）')).toBe(true);
    expect(lines.find((l) => l.pointer.startsWith('/insured/'))!.sensitive).toBeUndefined();
  });
});
