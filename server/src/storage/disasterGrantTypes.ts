/**
 * 応援職員 as stored (issue #20): a municipal admin of the affected town lends
 * one disaster's queue to an account of another municipality, for a period of
 * Japan days, until revoked. The grant names the account's home municipality
 * so every action of the lent account can be traced to where it came from.
 */

export interface DisasterGrant {
  id: string;
  /** The affected municipality that lends its queue. */
  municipalityCode: string;
  disasterId: string;
  userId: string;
  /** The lent account's own municipality when the grant was made. */
  homeMunicipalityCode: string;
  /** First and last Japan day of the period (YYYY-MM-DD, both included). */
  fromDate: string;
  untilDate: string;
  grantedBy: string;
  grantedAt: string;
  revokedBy: string | null;
  revokedAt: string | null;
}

export interface DisasterGrantRepository {
  create(grant: DisasterGrant): Promise<void>;
  get(id: string): Promise<DisasterGrant | null>;
  /** A disaster's grants, the latest granted first (revoked ones included). */
  listByDisaster(disasterId: string): Promise<DisasterGrant[]>;
  /** An account's grants, the latest granted first (revoked ones included). */
  listByUser(userId: string): Promise<DisasterGrant[]>;
  /** Revokes a grant once: false (nothing written) when it is unknown or already revoked. */
  revoke(id: string, revokedBy: string, revokedAt: string): Promise<boolean>;
}

/** Whether a grant lets its account in on `today` (a Japan day, YYYY-MM-DD). */
export const grantIsLive = (g: DisasterGrant, today: string): boolean => g.revokedAt === null && g.fromDate <= today && today <= g.untilDate;
