/** What the staff API shows of an account or invitation: never hashes, secrets or tokens. */
import type { AuthToken, User } from '../../storage/types';
import type { MunicipalityRegistry } from '../municipalities/registry';

export interface PublicUser {
  id: string;
  email: string;
  displayName: string;
  role: User['role'];
  municipalityCode: string | null;
  municipalityName: string | null;
  procedureIds: string[] | null;
  disabled: boolean;
  totpEnabled: boolean;
  /** Locked after failed sign-ins (until `lockedUntil`). */
  lockedUntil: string | null;
  createdAt: string;
}

export interface PublicInvite {
  id: string;
  email: string;
  role: AuthToken['role'];
  municipalityCode: string | null;
  procedureIds: string[] | null;
  createdBy: string;
  createdAt: string;
  expiresAt: string;
}

export function toPublicUser(user: User, registry: MunicipalityRegistry, now: Date): PublicUser {
  return {
    id: user.id,
    email: user.email,
    displayName: user.displayName,
    role: user.role,
    municipalityCode: user.municipalityCode,
    municipalityName: user.municipalityCode ? (registry.get(user.municipalityCode)?.name ?? null) : null,
    procedureIds: user.procedureIds ?? null,
    disabled: user.disabled,
    totpEnabled: user.totpSecret !== null,
    lockedUntil: user.lockedUntil && Date.parse(user.lockedUntil) > now.getTime() ? user.lockedUntil : null,
    createdAt: user.createdAt,
  };
}

export function toPublicInvite(t: AuthToken): PublicInvite {
  return {
    id: t.id,
    email: t.email ?? '',
    role: t.role,
    municipalityCode: t.municipalityCode,
    procedureIds: t.procedureIds,
    createdBy: t.createdBy,
    createdAt: t.createdAt,
    expiresAt: t.expiresAt,
  };
}
