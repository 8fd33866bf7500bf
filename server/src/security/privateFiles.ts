/**
 * DATA_DIR holds names, readings, staff e-mails and session ids: only the
 * server's own account may read it. The directory is created 0700 and the
 * database file 0600 (SQLite gives its -wal and -shm files the database
 * file's mode). An existing directory or file with wider modes is reported at
 * start rather than changed behind the operator's back.
 */
import { closeSync, existsSync, mkdirSync, openSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

export const PRIVATE_DIR_MODE = 0o700;
export const PRIVATE_FILE_MODE = 0o600;

/** Creates `dir` (and missing parents) readable by the owner only; an existing directory is left as it is. */
export function ensurePrivateDir(dir: string): void {
  mkdirSync(dir, { recursive: true, mode: PRIVATE_DIR_MODE });
}

/** Creates `path` empty with mode 0600 unless it exists, so whatever opens it next keeps that mode. */
export function ensurePrivateFile(path: string): void {
  if (existsSync(path)) return;
  closeSync(openSync(path, 'a', PRIVATE_FILE_MODE));
}

export interface WidePermission {
  path: string;
  /** e.g. `0644` */
  mode: string;
}

/** The data directory and the files directly in it that group or others may read, write or enter. */
export function widePermissions(dir: string): WidePermission[] {
  if (!existsSync(dir)) return [];
  const entries = [dir, ...readdirSync(dir).map((name) => join(dir, name))];
  return entries.flatMap((path) => {
    const stat = statSync(path);
    const mode = stat.mode & 0o777;
    return mode & 0o077 ? [{ path, mode: `0${mode.toString(8)}` }] : [];
  });
}
