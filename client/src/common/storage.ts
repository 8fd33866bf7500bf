/**
 * JSON in Web Storage that never throws: private browsing, full quota or a
 * disabled storage must not break the form, only the convenience.
 */
type Area = 'local' | 'session';

const area = (which: Area): Storage | undefined => {
  try {
    return which === 'local' ? window.localStorage : window.sessionStorage;
  } catch {
    return undefined;
  }
};

/** Reads a JSON value; undefined when missing or unreadable. */
export function readStored<T>(key: string, which: Area = 'local'): T | undefined {
  try {
    const raw = area(which)?.getItem(key);
    return raw == null ? undefined : (JSON.parse(raw) as T);
  } catch {
    return undefined;
  }
}

/** Writes a JSON value; returns false when the browser refused. */
export function writeStored(key: string, value: unknown, which: Area = 'local'): boolean {
  try {
    area(which)?.setItem(key, JSON.stringify(value));
    return true;
  } catch {
    return false;
  }
}

export function removeStored(key: string, which: Area = 'local'): void {
  try {
    area(which)?.removeItem(key);
  } catch {
    /* nothing to clean up */
  }
}
