/**
 * The builder's edit of a choice's capacity (定員, issue #22): places per
 * option and, optionally, the repeating group whose rows each take a place
 * (`x-capacity`, form/capacity.ts). The same rules the publish checks use
 * refuse a capacity that could not be published, in Japanese; an option
 * renamed or removed by setOptions carries its capacity along or drops it.
 */
import { CAPACITY_KEYWORD, checkCapacityRules, type CapacityRule } from '../form/capacity';
import type { JsonSchema } from '../form/jsonSchema';
import { invalidEdit } from './editRefused';
import { locateField } from './fieldPaths';
import { fieldLabel } from './describeForm';
import type { FieldPath, FormDocument } from './types';

export function setCapacity(doc: FormDocument, path: FieldPath, capacity: CapacityRule | null): void {
  const node = locateField(doc.schema, path)?.node ?? invalidEdit(`項目「${path}」が見つかりません。`);
  const title = typeof node.title === 'string' && node.title ? node.title : path;
  if (capacity === null) {
    delete node[CAPACITY_KEYWORD];
    return;
  }
  if (Object.keys(capacity.limits).length === 0) invalidEdit(`「${title}」の定員を、1つ以上の選択肢に入力してください（定員を設けない場合は「定員を設ける」を外します）。`);
  const countOf = capacity.countOf?.trim();
  node[CAPACITY_KEYWORD] = { limits: { ...capacity.limits }, ...(countOf ? { countOf } : {}) };
  const problems = checkCapacityRules(doc.schema).filter((p) => p.path === path);
  if (problems.length > 0) {
    // Name the group by its label rather than by its path, which clerks never see.
    const message = problems[0]!.message;
    invalidEdit(countOf && message.includes('countOf') ? `「${title}」の定員の人数として数える項目「${fieldLabel(doc, countOf)}」は、繰り返し項目ではありません。` : message);
  }
}

/**
 * A choice's capacity after its options changed: an option still there keeps its places; one replaced in the
 * same position (a rename) passes them on; one removed takes them along. No limit left: no capacity at all.
 */
export function followOptionChange(node: JsonSchema, before: string[], after: string[]): void {
  const rule = node[CAPACITY_KEYWORD] as CapacityRule | undefined;
  if (!rule || typeof rule.limits !== 'object' || rule.limits === null) return;
  const limits: Record<string, number> = {};
  for (const [option, limit] of Object.entries(rule.limits)) {
    if (after.includes(option)) limits[option] = limit;
    else {
      const at = before.indexOf(option);
      const renamedTo = before.length === after.length && at >= 0 ? after[at] : undefined;
      if (renamedTo !== undefined && !before.includes(renamedTo)) limits[renamedTo] = limit;
    }
  }
  if (Object.keys(limits).length === 0) delete node[CAPACITY_KEYWORD];
  else node[CAPACITY_KEYWORD] = { ...rule, limits };
}
