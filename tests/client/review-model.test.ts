/**
 * The check-your-answers model and what is sent: every example answer of
 * every preset survives, answers of branches no longer shown are dropped,
 * values read as people expect (はい/いいえ, 和暦, masked 個人番号, one-line
 * names and addresses), and no consent or yes/no is ever answered for the resident.
 */
import { loadPresets, type LoadedPreset } from '@madoguchi/presets';
import { loadClient } from './clientModules';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const { createSchemaUtils } = require('@rjsf/utils') as { createSchemaUtils: (v: object, s: object, b?: object) => SchemaUtils };
interface SchemaUtils {
  getDefaultFormState: (schema: object, data: unknown) => unknown;
}
type Row = { kind: 'value'; label: string; value: string; pointer: string } | { kind: 'group'; label: string; pointer: string; rows: Row[] };

const { SharedRjsfValidator } = loadClient<{ SharedRjsfValidator: new (k: string, l: 'ja' | 'en') => object }>('resident/form/sharedRjsfValidator');
const { RESIDENT_DEFAULTS_BEHAVIOR } = loadClient<{ RESIDENT_DEFAULTS_BEHAVIOR: object }>('resident/form/defaultsBehavior');
const { pruneToShown, reviewRows } = loadClient<{
  pruneToShown: (u: SchemaUtils, schema: object, data: unknown) => unknown;
  reviewRows: (u: SchemaUtils, ui: object, data: unknown, fields: string[], l: 'ja' | 'en') => Row[];
}>('resident/apply/reviewModel');

const presets = loadPresets();
const utilsFor = (p: LoadedPreset) => createSchemaUtils(new SharedRjsfValidator(p.procedure.id, 'ja'), p.schema, RESIDENT_DEFAULTS_BEHAVIOR);
const preset = (id: string) => presets.find((p) => p.procedure.id === id)!;

/** label → value for every value row, nested groups flattened. */
function flatten(rows: Row[], out: Record<string, string> = {}): Record<string, string> {
  for (const row of rows) {
    if (row.kind === 'value') out[row.pointer] = `${row.label}=${row.value}`;
    else flatten(row.rows, out);
  }
  return out;
}

function trueLeaves(value: unknown, path = ''): string[] {
  if (value === true) return [path];
  if (value && typeof value === 'object') return Object.entries(value).flatMap(([k, v]) => trueLeaves(v, `${path}/${k}`));
  return [];
}

describe.each(presets.map((p) => [p.procedure.id, p] as const))('%s', (_id, p) => {
  it('keeps every answer of the valid example when pruning to what is shown', () => {
    expect(pruneToShown(utilsFor(p), p.schema, p.example)).toEqual(p.example);
  });
  it('pre-answers no consent and no yes/no question', () => {
    expect(trueLeaves(utilsFor(p).getDefaultFormState(p.schema, {}))).toEqual([]);
  });
});

describe('risai-shomeisho review', () => {
  const p = preset('risai-shomeisho');
  const utils = utilsFor(p);
  const rows = flatten(reviewRows(utils, p.uiSchema, p.example, Object.keys(p.schema.properties), 'ja'));

  it('reads dates in 和暦 with 西暦, yes/no as はい/いいえ, consents as agreed', () => {
    expect(rows['/disaster/date']).toBe('災害が起きた日（被害を受けた日）=令和8年（2026年）9月20日');
    expect(rows['/damagedProperty/sameAsHouseholderAddress']).toBe('被災した住家の所在地は、世帯主の住所と同じですか=はい');
    expect(rows['/damage/selfAssessment']).toContain('=いいえ');
    expect(rows['/consentRisaiInfo']).toContain('=同意します');
    expect(rows['/damage/causes']).toContain('=暴風、豪雨');
  });

  it('writes names and addresses on one line each', () => {
    expect(rows['/householder/name']).toBe('世帯主の氏名=水戸 太郎（ミト タロウ）');
    expect(rows['/householder/address']).toBe('世帯主の住所（住民票の住所）=〒310-8610 茨城県水戸市笠原町978-6');
    expect(rows['/householdMembers/0/name']).toContain('水戸 花子（ミト ハナコ）');
  });

  it('shows only the questions of the branch chosen, and sends only those answers', () => {
    const stale = { ...p.example, applicant: { applicantType: '世帯主本人', relationship: '子', name: { familyName: '水戸' } } };
    expect(pruneToShown(utils, p.schema, stale)).toEqual(p.example);
    const shown = flatten(reviewRows(utils, p.uiSchema, stale, ['applicant'], 'ja'));
    expect(Object.keys(shown)).toEqual(['/applicant/applicantType']);
  });
});

describe('jidou-teate-nintei review', () => {
  const p = preset('jidou-teate-nintei');
  const rows = flatten(reviewRows(utilsFor(p), p.uiSchema, p.example, Object.keys(p.schema.properties), 'ja'));
  it('masks 個人番号 except the last four digits', () => {
    expect(rows['/claimant/myNumber']).toMatch(/=•••• •••• 9018$/);
    expect(JSON.stringify(rows)).not.toContain('123456789018');
  });
  it('reads in English when asked', () => {
    const en = flatten(reviewRows(utilsFor(p), p.uiSchema, p.example, ['hasChildUnder3', 'reasonDate'], 'en'));
    expect(en['/hasChildUnder3']).toMatch(/=Yes$/);
    expect(en['/reasonDate']).toMatch(/=10 November 2026 \(Reiwa 8\)$/);
  });
});
