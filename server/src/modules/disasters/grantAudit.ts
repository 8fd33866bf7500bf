/**
 * 応援職員 (issue #20) in the audit trail: an event written for a lent
 * account names its home municipality and the grant it came in by.
 * Dependency-free so every module that audits can use it.
 */

/** The grant a lent request came in by (auth/disasterAccess.ts puts it in res.locals). */
export interface LentFrom {
  grantId: string;
  homeMunicipalityCode: string;
}

/** Audit details naming the lent account's home municipality and grant (unchanged for the municipality's own accounts). */
export function auditDetailsFor(lent: LentFrom | null, details: Record<string, unknown>): Record<string, unknown> {
  return lent ? { ...details, homeMunicipality: lent.homeMunicipalityCode, viaGrant: lent.grantId } : details;
}
