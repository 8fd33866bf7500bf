/**
 * Long repeating groups (hundreds of entries) open with their first entries only; the rest are one-line
 * buttons (ArrayFieldTemplates.tsx), because rendering every entry's fields costs seconds on a phone.
 * A closed entry is still one Tab stop and one named button for a screen reader, and anything that needs a
 * field inside it — the error summary, a 「変更する」 link — opens it here first (focusField in apply/steps.ts).
 */

/** A group opening with more entries than this shows the first OPEN_ROWS open and the others closed. */
export const LONG_GROUP = 20;
export const OPEN_ROWS = 10;

/** The event a closed entry listens for: open now (synchronously), so the caller can focus a field inside. */
export const OPEN_ROW_EVENT = 'madoguchi:open-row';

/**
 * Opens the closed entries that contain the field `id` (outermost first, for groups inside groups).
 * True when one was opened.
 */
export function openRowsAround(id: string): boolean {
  let opened = false;
  for (let depth = 0; depth < 5; depth++) {
    const row = Array.from(document.querySelectorAll<HTMLElement>('[data-closed-row]')).find((el) => {
      const rowId = el.dataset.closedRow!;
      return id === rowId || id.startsWith(`${rowId}_`);
    });
    if (!row) break;
    row.dispatchEvent(new CustomEvent(OPEN_ROW_EVENT));
    opened = true;
  }
  return opened;
}

/** The first few answers of an entry, so its closed line says whose it is (「山田 花子 2015-04-01」). */
export function rowSummary(data: unknown, limit = 3): string {
  const found: string[] = [];
  const walk = (value: unknown) => {
    if (found.length >= limit) return;
    if (typeof value === 'string' && value.trim()) found.push(value.trim());
    else if (typeof value === 'number') found.push(String(value));
    else if (value && typeof value === 'object') Object.values(value).forEach(walk);
  };
  walk(data);
  return found.join(' ');
}

/** Whether an RJSF error schema holds an error anywhere below. */
export function hasErrors(errorSchema: unknown): boolean {
  if (!errorSchema || typeof errorSchema !== 'object') return false;
  return Object.entries(errorSchema).some(([key, value]) => (key === '__errors' ? Array.isArray(value) && value.length > 0 : hasErrors(value)));
}
