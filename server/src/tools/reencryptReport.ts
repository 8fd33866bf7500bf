/**
 * What `npm run keys:reencrypt` prints: plain lines an operator can read and
 * paste into a change ticket. Counts, key ids and row ids only — never values.
 */
import type { DataCipher } from '../security/dataCipher';
import { NOT_SEALED, type ResealReport, type SealedCount } from '../storage/types';

const place = (t: { table: string; column: string }) => `${t.table}.${t.column}`.padEnd(32);

function keyRole(cipher: DataCipher, keyId: string): string {
  if (keyId === cipher.currentKeyId) return 'current key';
  if (keyId === NOT_SEALED) return 'NOT SEALED';
  return cipher.hasKey(keyId) ? 'old key' : 'KEY NOT CONFIGURED';
}

/** Values that cannot be opened with the configured keys. */
export const unreadableIn = (cipher: DataCipher, counts: SealedCount[]) =>
  counts.flatMap((c) =>
    Object.entries(c.byKey)
      .filter(([key]) => key === NOT_SEALED || !cipher.hasKey(key))
      .map(([key, n]) => ({ ...c, key, n })),
  );

export function formatCounts(cipher: DataCipher, counts: SealedCount[]): string[] {
  const lines = counts.map((c) => {
    const keys = Object.entries(c.byKey).map(([key, n]) => `${key}: ${n} (${keyRole(cipher, key)})`);
    return `${place(c)} ${String(c.total).padStart(8)}  ${keys.join(', ') || '—'}`;
  });
  const total = counts.reduce((n, c) => n + c.total, 0);
  const current = counts.reduce((n, c) => n + (c.byKey[cipher.currentKeyId] ?? 0), 0);
  lines.push(`Sealed under the current key ${cipher.currentKeyId}: ${current} of ${total}.`);
  for (const u of unreadableIn(cipher, counts)) {
    lines.push(`CANNOT OPEN: ${u.n} value(s) in ${u.table}.${u.column} ${u.key === NOT_SEALED ? 'are not sealed values' : `are sealed under key ${u.key}, which is not configured`}.`);
  }
  if (current === total) lines.push('Nothing is sealed under an old key: the old keys can be dropped from DATA_ENCRYPTION_OLD_KEYS (backups made before still need them).');
  else lines.push(`${total - current} value(s) still need \`npm run keys:reencrypt\`.`);
  return lines;
}

export function formatReport(report: ResealReport): string[] {
  const lines = report.tables.map((t) => {
    const from = Object.entries(t.fromKeys).map(([key, n]) => `${n} from ${key}`);
    const extra = [t.failed ? `${t.failed} FAILED` : '', t.changedMeanwhile ? `${t.changedMeanwhile} rewritten by the server meanwhile` : ''].filter(Boolean);
    return `${place(t)} scanned ${t.scanned}, re-sealed ${t.resealed}${from.length ? ` (${from.join(', ')})` : ''}${extra.length ? `; ${extra.join('; ')}` : ''}`;
  });
  const resealed = report.tables.reduce((n, t) => n + t.resealed, 0);
  const failed = report.tables.reduce((n, t) => n + t.failed, 0);
  lines.push(`Re-sealed ${resealed} value(s) under key ${report.currentKeyId}; ${failed} could not be opened.`);
  for (const f of report.failures) lines.push(`CANNOT OPEN ${f.table}.${f.column} row ${f.id} (key ${f.keyId ?? 'none'}): ${f.reason}`);
  if (failed > report.failures.length) lines.push(`… and ${failed - report.failures.length} more (see the counts above).`);
  return lines;
}

/** The audit entry's details: counts and key ids only. */
export function auditDetails(report: ResealReport): Record<string, unknown> {
  return {
    keyId: report.currentKeyId,
    resealed: report.tables.reduce((n, t) => n + t.resealed, 0),
    failed: report.tables.reduce((n, t) => n + t.failed, 0),
    tables: Object.fromEntries(report.tables.map((t) => [`${t.table}.${t.column}`, { scanned: t.scanned, resealed: t.resealed, failed: t.failed, fromKeys: t.fromKeys }])),
  };
}
