/**
 * The adapter-independent half of key rotation: deciding which values need
 * re-sealing, re-sealing one value, and keeping the counts both adapters
 * report, so SQLite and MongoDB cannot drift apart in what they count.
 */
import { DataCipher } from '../security/dataCipher';
import { MAX_REPORTED_FAILURES, NOT_SEALED, type ResealFailure, type ResealReport, type ResealTableReport, type SealedCount, type SealedLocation } from './sealedTypes';

export const keyLabel = (value: Buffer | string): string => DataCipher.keyIdOf(value) ?? NOT_SEALED;

/** Adds one value (or its head) to a per-key count. */
export function countValue(count: SealedCount, head: Buffer | string): void {
  const key = keyLabel(head);
  count.total++;
  count.byKey[key] = (count.byKey[key] ?? 0) + 1;
}

export const emptyCount = (location: SealedLocation): SealedCount => ({ ...location, total: 0, byKey: {} });

export class ResealTally {
  private readonly tables: ResealTableReport[] = [];
  private readonly failures: ResealFailure[] = [];

  constructor(private readonly cipher: DataCipher) {}

  start(location: SealedLocation): ResealTableReport {
    const table: ResealTableReport = { ...location, scanned: 0, resealed: 0, failed: 0, fromKeys: {}, changedMeanwhile: 0 };
    this.tables.push(table);
    return table;
  }

  /** Whether a value (or its head) is sealed under anything but the current key. */
  needsReseal(head: Buffer | string): boolean {
    return DataCipher.keyIdOf(head) !== this.cipher.currentKeyId;
  }

  /** The value sealed under the current key, or null when it cannot be opened (recorded as a failure, never thrown: the rest still gets re-sealed). */
  reseal<T extends Buffer | string>(table: ResealTableReport, id: string, value: T): T | null {
    try {
      return (typeof value === 'string' ? this.cipher.resealText(value) : this.cipher.reseal(value)) as T;
    } catch (error) {
      table.failed++;
      if (this.failures.length < MAX_REPORTED_FAILURES) {
        this.failures.push({ table: table.table, column: table.column, id, keyId: DataCipher.keyIdOf(value), reason: (error as Error).message });
      }
      return null;
    }
  }

  /** Records a value written back under the current key. */
  resealed(table: ResealTableReport, previous: Buffer | string): void {
    const key = keyLabel(previous);
    table.resealed++;
    table.fromKeys[key] = (table.fromKeys[key] ?? 0) + 1;
  }

  report(): ResealReport {
    return { currentKeyId: this.cipher.currentKeyId, tables: this.tables, failures: this.failures };
  }
}
