/** Where the answers are: every answered leaf of a form's data as a JSON pointer (objects and arrays walked, empty values skipped). */
export function answeredPointers(value: unknown, prefix = ''): string[] {
  if (Array.isArray(value)) return value.flatMap((v, i) => answeredPointers(v, `${prefix}/${i}`));
  if (value !== null && typeof value === 'object') {
    return Object.entries(value).flatMap(([k, v]) => answeredPointers(v, `${prefix}/${k.replace(/~/g, '~0').replace(/\//g, '~1')}`));
  }
  return value === undefined || value === null || value === '' ? [] : [prefix];
}
