/**
 * The checks of a draft's structure that need no validator compile: every
 * field labelled, choices with options, sections and groups with fields, no
 * condition that can never hold, steps that hold every top-level field once.
 * The builder runs these as staff type (a browser under a strict CSP cannot
 * compile schemas, and this module keeps ajv out of its bundle); the server
 * runs checkDraft (checkDraftWithDefinition.ts), which adds the meta-schema
 * and an ajv compile, on save and on publish.
 */
import type { JsonSchema } from '../form/jsonSchema';
import type { FieldPath, FormDocument } from './types';
import { branchesOf, containerOf, fieldKeys, findInObject, joinPath, orderUiAt } from './fieldPaths';
import { classifyField, optionsOf } from './fieldKinds';
import { parseIf, conditionValues } from './showWhen';
import { stepsOf } from './formLayout';
import { checkCapacityRules } from '../form/capacity';
import { checkCalculations } from '../calc/calcNames';

/** One reason a draft cannot be published, in Japanese. */
export interface DraftProblem {
  /** Where: a field path, `procedure/...`, `schema`, `steps`. */
  where: string;
  /** The field concerned, when there is one (the builder selects it). */
  path?: FieldPath;
  message: string;
}

const titleOf = (node: JsonSchema | undefined, key: string) => (typeof node?.title === 'string' && node.title ? node.title : key);

/** Values a field can take, when they are a closed list. */
function possibleValues(node: JsonSchema, root: JsonSchema): unknown[] | undefined {
  const r = typeof node.$ref === 'string' ? { ...(root.definitions?.[node.$ref.replace('#/definitions/', '')] ?? {}), ...node } : node;
  if (r.type === 'boolean') return r.const !== undefined ? [r.const] : [true, false];
  return optionsOf(r, root.definitions);
}

function checkConditions(holder: JsonSchema, parentPath: FieldPath, root: JsonSchema, problems: DraftProblem[]): void {
  // Which sibling each conditional field depends on, to find conditions that wait on themselves.
  const dependsOn = new Map<string, string[]>();
  for (const branch of branchesOf(holder)) {
    const shown = Object.keys((branch.then.properties ?? {}) as object);
    const tested = Object.entries((branch.if?.properties ?? {}) as Record<string, JsonSchema>);
    const names = shown.map((k) => `「${titleOf(branch.then.properties[k], k)}」`).join('・') || '条件付きの必須指定';
    for (const [field] of tested) for (const k of shown) dependsOn.set(k, [...(dependsOn.get(k) ?? []), field]);
    for (const [field, test] of tested) {
      const sibling = findInObject(holder, field);
      const path = shown[0] ? joinPath(parentPath, shown[0]) : undefined;
      if (!sibling) {
        problems.push({ where: path ?? parentPath, ...(path ? { path } : {}), message: `${names}の表示条件が、ない項目「${field}」を参照しています。` });
        continue;
      }
      if (shown.includes(field)) {
        problems.push({ where: path ?? parentPath, ...(path ? { path } : {}), message: `${names}の表示条件が、同じ条件で表示される項目を参照しているため、表示されることがありません。` });
        continue;
      }
      const parsed = parseIf({ properties: { [field]: test }, required: [field] });
      const possible = possibleValues(sibling.node, root);
      if (parsed && possible) {
        const values = conditionValues(parsed);
        if (values.length > 0 && !values.some((v) => possible.includes(v))) {
          problems.push({
            where: path ?? parentPath,
            ...(path ? { path } : {}),
            message: `${names}の表示条件の値（${values.map(String).join('・')}）は「${titleOf(sibling.node, field)}」の選択肢にないため、表示されることがありません。`,
          });
        }
      }
    }
  }
  for (const start of dependsOn.keys()) {
    const seen = new Set<string>();
    const stack = [...(dependsOn.get(start) ?? [])];
    while (stack.length) {
      const k = stack.pop()!;
      if (k === start) {
        const path = joinPath(parentPath, start);
        problems.push({ where: path, path, message: `「${titleOf(findInObject(holder, start)?.node, start)}」の表示条件が循環しているため、表示されることがありません。` });
        break;
      }
      if (!seen.has(k)) {
        seen.add(k);
        stack.push(...(dependsOn.get(k) ?? []));
      }
    }
  }
}

function checkObject(doc: FormDocument, holder: JsonSchema, parentPath: FieldPath, problems: DraftProblem[]): void {
  const keys = fieldKeys(holder);
  const order = orderUiAt(doc.uiSchema ?? {}, doc.schema, parentPath)?.['ui:order'];
  if (Array.isArray(order) && !order.includes('*')) {
    const missing = keys.filter((k) => !order.includes(k));
    if (missing.length) problems.push({ where: parentPath || 'uiSchema', message: `並び順の指定（ui:order）に「${missing.join('」「')}」がありません。` });
  }
  for (const key of keys) {
    const { node } = findInObject(holder, key)!;
    const path = joinPath(parentPath, key);
    const label = titleOf(node, key);
    if (typeof node.title !== 'string' || !node.title.trim()) problems.push({ where: path, path, message: `項目「${key}」に項目名がありません。項目名を入力してください。` });
    const kind = classifyField(node, undefined);
    if ((kind === 'choice' || kind === 'multiChoice') && !optionsOf(node, doc.schema.definitions)?.length) problems.push({ where: path, path, message: `「${label}」に選択肢がありません。` });
    const container = containerOf(node);
    if (container) {
      if (fieldKeys(container).length === 0) problems.push({ where: path, path, message: `「${label}」の中に項目がありません。項目を追加してください。` });
      checkObject(doc, container, path, problems);
    }
  }
  checkConditions(holder, parentPath, doc.schema, problems);
}

function checkSteps(doc: FormDocument, problems: DraftProblem[]): void {
  const steps = stepsOf(doc);
  if (!steps) return;
  const keys = fieldKeys(doc.schema);
  const counted = new Map<string, number>();
  steps.forEach((step, i) => {
    if (!step.title?.trim()) problems.push({ where: 'steps', message: `ステップ${i + 1}に名前がありません。` });
    if (!step.fields?.length) problems.push({ where: 'steps', message: `ステップ「${step.title || i + 1}」に項目がありません。` });
    for (const f of step.fields ?? []) counted.set(f, (counted.get(f) ?? 0) + 1);
  });
  for (const key of keys) {
    const n = counted.get(key) ?? 0;
    const label = titleOf(findInObject(doc.schema, key)?.node, key);
    if (n === 0) problems.push({ where: 'steps', path: key, message: `「${label}」がどのステップにも入っていません。` });
    if (n > 1) problems.push({ where: 'steps', path: key, message: `「${label}」が複数のステップに入っています。` });
  }
}

/** Every structural problem that stops the draft from being published; empty when there is none. */
export function checkDraftStructure(doc: FormDocument): DraftProblem[] {
  const problems: DraftProblem[] = [];
  if (doc.schema?.type === 'object' && fieldKeys(doc.schema).length === 0) problems.push({ where: 'schema', message: '項目が1つもありません。項目を追加してください。' });
  if (doc.schema?.type === 'object') {
    checkObject(doc, doc.schema, '', problems);
    checkSteps(doc, problems);
    for (const p of checkCapacityRules(doc.schema)) problems.push({ where: p.path, path: p.path, message: p.message });
    // Calculated values: expressions that parse and name existing answers and tables, on read-only number fields.
    for (const p of checkCalculations(doc.schema)) problems.push({ where: p.path || 'schema', ...(p.path ? { path: p.path } : {}), message: p.message });
  }
  for (const [k, v] of Object.entries((doc.schema?.properties ?? {}) as Record<string, JsonSchema>)) {
    if (typeof v?.$ref === 'string' && !v.$ref.startsWith('#/definitions/'))
      problems.push({ where: k, path: k, message: `「${titleOf(v, k)}」が外部の定義（${v.$ref}）を参照しています。外部の参照は使えません。` });
  }
  return problems;
}
