/**
 * Conditions give the same verdict in the browser (the eval-free interpreter)
 * as on the server (the shared ajv), and both discard the same hidden answers.
 */
import { FormValidator, applyOp, compileCondition, createAjv, pruneHiddenAnswers, todayInJapan, type Condition, type JsonSchema } from '@madoguchi/shared';
import { loadClient } from './clientModules';
import { crossForm, logicForm } from '../helpers/logicForm';

type Interpret = (schema: JsonSchema, data: unknown, root?: JsonSchema) => { valid: boolean };
const { interpretSchema } = loadClient<{ interpretSchema: Interpret }>('resident/form/evalFree/interpretSchema');
const ajv = new FormValidator();
/** The `if` verdict as the server's pruning judges it (FormValidator.validate reports only localized field errors, none for `not`). */
const rawAjv = createAjv();

const shiftDays = (days: number) => new Date(Date.parse(`${todayInJapan()}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
const nodes: Record<string, JsonSchema> = { count: { type: 'integer' }, note: { type: 'string' }, tags: { type: 'array', items: { enum: ['子育て', '介護'] } }, kind: { type: 'string' } };

const conditions: Array<[string, Condition]> = [
  ['count ≥ 3', { field: 'count', op: 'gte', value: 3 }],
  ['count between 2 and 4', { field: 'count', op: 'between', min: 2, max: 4 }],
  ['tags contain 介護', { field: 'tags', op: 'oneOf', values: ['介護'] }],
  ['note filled', { field: 'note', op: 'filled' }],
  ['note empty', { field: 'note', op: 'empty' }],
  ['moveIn before today', { field: 'moveIn', op: 'dateBefore' }],
  ['moveIn on or after today', { field: 'moveIn', op: 'dateOnOrAfter' }],
  ['moveIn after moveOut', { field: 'moveIn', op: 'dateAfter', otherDate: 'moveOut' }],
  [
    'all / any',
    {
      all: [
        { field: 'count', op: 'lte', value: 5 },
        {
          any: [
            { field: 'kind', op: 'equals', value: 'その他' },
            { field: 'note', op: 'filled' },
          ],
        },
      ],
    },
  ],
];
const answers: unknown[] = [
  {},
  { count: 3, note: '', tags: [], kind: 'その他' },
  { count: 1, note: 'x', tags: ['介護'], moveIn: shiftDays(-1), moveOut: shiftDays(-3) },
  { count: 6, tags: ['子育て'], moveIn: todayInJapan(), moveOut: todayInJapan() },
  { count: 4, kind: 'たんす', moveIn: shiftDays(1), moveOut: 'not a date' },
];

describe('the browser and the server agree', () => {
  it.each(conditions)('%s', (_name, condition) => {
    const ifSchema = compileCondition(condition, '', (p) => nodes[p]);
    const verdicts = answers.map((data) => [rawAjv.validate(ifSchema, data) as boolean, interpretSchema(ifSchema, data).valid]);
    for (const [server, browser] of verdicts) expect(browser).toBe(server);
    // Each condition is met by some answers and not by others (the test can tell them apart).
    expect(new Set(verdicts.map(([s]) => s)).size).toBe(2);
  });

  it('discards the same hidden answers', () => {
    let doc = logicForm();
    doc = applyOp(doc, { id: 'x1', type: 'setLogic', path: 'largeFamily', logic: { effect: 'show', when: { field: 'household', op: 'gte', value: 3 } } });
    doc = applyOp(doc, { id: 'x2', type: 'setLogic', path: 'items.name', logic: { effect: 'show', when: { field: 'items.kind', op: 'equals', value: 'その他' } } });
    const data = {
      household: 2,
      largeFamily: 'x',
      items: [
        { kind: 'その他', name: 'ピアノ' },
        { kind: '自転車', name: 'y' },
      ],
    };
    const browser = pruneHiddenAnswers(doc.schema, data, (s, d, root) => interpretSchema(s, d, root).valid);
    expect(browser).toEqual(ajv.withoutHiddenAnswers('p', doc.schema, data));
    expect(browser).toEqual({ household: 2, items: [{ kind: 'その他', name: 'ピアノ' }, { kind: '自転車' }] });
  });

  it('agree on conditions outside the field’s group (a section, a row) and on the whole schema’s verdict', () => {
    let doc = crossForm();
    doc = applyOp(doc, { id: 'y1', type: 'setLogic', path: 'contact.daytime', logic: { effect: 'show', when: { field: 'household', op: 'gte', value: 3 } } });
    doc = applyOp(doc, { id: 'y2', type: 'setLogic', path: 'items.helper', logic: [{ effect: 'show', when: { field: 'household', op: 'lte', value: 1 } }] });
    doc = applyOp(doc, { id: 'y3', type: 'setLogic', path: 'contact.phone', logic: [{ effect: 'require', when: { field: 'moveIn', op: 'filled' } }] });
    const cases = [
      { household: 2, largeFamily: 'x', contact: { phone: '1', daytime: 'hidden' }, items: [{ kind: 'たんす', name: 'a', helper: 'hidden' }] },
      { household: 1, largeFamily: 'x', moveIn: '2026-01-01', contact: { daytime: 'hidden' }, items: [{ kind: 'たんす', name: 'a', helper: 'kept' }] },
      { household: 3, largeFamily: 'x', contact: { phone: '1', daytime: 'kept' }, items: [] },
      { household: 3, largeFamily: 'x', contact: { phone: '1' }, items: [] },
    ];
    for (const data of cases) {
      const browser = pruneHiddenAnswers(doc.schema, data, (s, d, root) => interpretSchema(s, d, root).valid);
      expect(browser).toEqual(ajv.withoutHiddenAnswers('q', doc.schema, data));
      expect(interpretSchema(doc.schema, browser).valid).toBe(ajv.validate('q', doc.schema, browser).valid);
    }
    expect(pruneHiddenAnswers(doc.schema, cases[0], (s, d, root) => interpretSchema(s, d, root).valid)).toEqual({
      household: 2,
      largeFamily: 'x',
      contact: { phone: '1' },
      items: [{ kind: 'たんす', name: 'a' }],
    });
    expect(
      cases.map(
        (d) =>
          ajv.validate(
            'q',
            doc.schema,
            pruneHiddenAnswers(doc.schema, d, (s, x, root) => interpretSchema(s, x, root).valid),
          ).valid,
      ),
    ).toEqual([true, false, true, false]);
  });
});
