/** A form for condition tests: a number and dates in step 1, a repeating group of items in step 2. */
import { applyOp, defaultProcedure, type EditOp, type FormDocument } from '@madoguchi/shared';

let n = 0;
const op = <T extends Omit<EditOp, 'id'>>(o: T) => ({ id: `f${++n}`, ...o }) as unknown as EditOp;

export function logicForm(): FormDocument {
  let doc: FormDocument = {
    procedure: defaultProcedure('082015', 'event', 'イベントの申込'),
    schema: { type: 'object', title: 'イベントの申込', properties: {} },
    uiSchema: {},
  };
  for (const o of [
    op({ type: 'addField', parent: '', field: { key: 'household', kind: 'number', label: '世帯人数', required: true } }),
    op({ type: 'addField', parent: '', field: { key: 'moveIn', kind: 'date', label: '転入日' } }),
    op({ type: 'addField', parent: '', field: { key: 'moveOut', kind: 'date', label: '転出日' } }),
    op({ type: 'addField', parent: '', field: { key: 'tags', kind: 'multiChoice', label: '関心', options: ['子育て', '介護'] } }),
    op({ type: 'addStep', title: '詳細' }),
    op({ type: 'renameStep', index: 0, title: '世帯' }),
    op({ type: 'addField', parent: '', step: 1, field: { key: 'largeFamily', kind: 'text', label: '大家族の事情', required: true } }),
    op({ type: 'addField', parent: '', step: 1, field: { key: 'items', kind: 'group', label: '出すもの', itemLabel: '品目' } }),
    op({ type: 'addField', parent: 'items', field: { key: 'kind', kind: 'choice', label: '品目', required: true, options: ['たんす', '自転車', 'その他'] } }),
    op({ type: 'addField', parent: 'items', field: { key: 'name', kind: 'text', label: '品名', required: true } }),
    op({ type: 'addField', parent: '', step: 1, field: { key: 'reason', kind: 'text', label: '理由' } }),
  ])
    doc = applyOp(doc, o);
  return doc;
}

/** logicForm plus a section 連絡先 (step 2) holding 電話番号 and 日中の連絡先. */
export function crossForm(): FormDocument {
  let doc = logicForm();
  for (const o of [
    op({ type: 'addField', parent: '', step: 1, field: { key: 'contact', kind: 'section', label: '連絡先' } }),
    op({ type: 'addField', parent: 'contact', field: { key: 'phone', kind: 'text', label: '電話番号' } }),
    op({ type: 'addField', parent: 'contact', field: { key: 'daytime', kind: 'text', label: '日中の連絡先', required: true } }),
    op({ type: 'addField', parent: 'items', field: { key: 'helper', kind: 'text', label: '運び出しの手伝い' } }),
  ])
    doc = applyOp(doc, o);
  return doc;
}
