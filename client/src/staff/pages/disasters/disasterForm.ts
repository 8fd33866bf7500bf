/**
 * The declaration form's values and the API's declaration, both ways, and
 * where a server error (`/area/postalCodes/2`) belongs in the form. Plain
 * functions: the page stays about layout, and tests/client checks these.
 */
import { DISASTER_KINDS, type Disaster, type DisasterDeclaration, type DisasterKind, type FieldError } from '@madoguchi/shared';

/** `2026-12-01` → 「令和8年12月1日」 by the browser's Japanese calendar (the console needs no 和暦 tables of its own). */
export function warekiOf(iso: string): string {
  const date = new Date(`${iso}T00:00:00Z`);
  if (Number.isNaN(date.getTime())) return iso;
  return new Intl.DateTimeFormat('ja-JP-u-ca-japanese', { era: 'long', year: 'numeric', month: 'long', day: 'numeric', timeZone: 'UTC' }).format(date);
}

export interface DisasterValues {
  name: string;
  occurredOn: string;
  kind: DisasterKind;
  /** 町字, one a line. */
  towns: string;
  /** Postal codes, one a line. */
  postalCodes: string;
  reliefApplied: 'yes' | 'no';
  reliefAppliedOn: string;
}

export type DisasterField = keyof DisasterValues;

export const EMPTY_DISASTER: DisasterValues = { name: '', occurredOn: '', kind: DISASTER_KINDS[0], towns: '', postalCodes: '', reliefApplied: 'no', reliefAppliedOn: '' };

/** One entry a line; blank lines and surrounding spaces do not count. */
export const lines = (text: string): string[] =>
  text
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter(Boolean);

export function toDeclaration(v: DisasterValues): DisasterDeclaration {
  const applied = v.reliefApplied === 'yes';
  return {
    name: v.name.trim(),
    occurredOn: v.occurredOn,
    kind: v.kind,
    area: { towns: lines(v.towns), postalCodes: lines(v.postalCodes) },
    reliefAct: { applied, appliedOn: applied && v.reliefAppliedOn ? v.reliefAppliedOn : null },
  };
}

export function toValues(d: Disaster): DisasterValues {
  return {
    name: d.name,
    occurredOn: d.occurredOn,
    kind: d.kind,
    towns: d.area.towns.join('\n'),
    postalCodes: d.area.postalCodes.join('\n'),
    reliefApplied: d.reliefAct.applied ? 'yes' : 'no',
    reliefAppliedOn: d.reliefAct.appliedOn ?? '',
  };
}

const FIELD_OF_POINTER: Record<string, DisasterField> = {
  '/name': 'name',
  '/occurredOn': 'occurredOn',
  '/kind': 'kind',
  '/area/towns': 'towns',
  '/area/postalCodes': 'postalCodes',
  '/area': 'towns',
  '/reliefAct/applied': 'reliefApplied',
  '/reliefAct/appliedOn': 'reliefAppliedOn',
  '/reliefAct': 'reliefApplied',
};

export interface PlacedError {
  field: DisasterField;
  /** 1-based line of a one-a-line list (`/area/postalCodes/1` → 2), or null. */
  line: number | null;
  message: string;
}

/** The server's field errors placed on the form's fields; an unknown pointer goes to the name (first field). */
export function placeErrors(fields: FieldError[]): PlacedError[] {
  return fields.map((f) => {
    const item = /^(\/area\/(?:towns|postalCodes))\/(\d+)$/.exec(f.pointer);
    const pointer = item ? item[1]! : f.pointer;
    return { field: FIELD_OF_POINTER[pointer] ?? 'name', line: item ? Number(item[2]) + 1 : null, message: f.message };
  });
}

/** The messages of each field, joined (a list field may have several lines wrong). */
export function messagesByField(placed: PlacedError[], lineText: (line: number) => string): Partial<Record<DisasterField, string>> {
  const out: Partial<Record<DisasterField, string>> = {};
  for (const p of placed) {
    const text = p.line ? `${lineText(p.line)}${p.message}` : p.message;
    out[p.field] = out[p.field] ? `${out[p.field]} ${text}` : text;
  }
  return out;
}
