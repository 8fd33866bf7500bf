/** The audit trail's event shape, apart from the repositories so every storage type file can name it. */
export interface AuditEvent {
  /** Monotonic sequence within the store. */
  seq: number;
  at: string;
  /** User id, `applicant:<receipt>`, `api-key:<id>` or `system`. */
  actor: string;
  action: string;
  municipalityCode: string | null;
  targetType: string;
  targetId: string;
  details: Record<string, unknown>;
  /** sha256 over the previous hash and this event: a broken chain shows tampering. */
  prevHash: string;
  hash: string;
}

export type NewAuditEvent = Omit<AuditEvent, 'seq' | 'prevHash' | 'hash'>;
