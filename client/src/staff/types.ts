/** Shapes of the staff API as the console uses them (server: server/src/http/staff/). */
export type Role = 'platform-admin' | 'municipal-admin' | 'staff';

export type Action =
  | 'platform.manage'
  | 'users.read'
  | 'users.invite'
  | 'users.update'
  | 'settings.read'
  | 'settings.update'
  | 'audit.read'
  | 'catalog.read'
  | 'catalog.edit'
  | 'catalog.publish'
  | 'inbox.read'
  | 'inbox.update'
  | 'preset.edit'
  | 'preset.publish'
  | 'inbox.export'
  | 'inbox.revealSensitive'
  | 'inbox.exportSensitive'
  | 'integrations.manage'
  | 'retention.manage'
  | 'deadlines.manage'
  | 'counter.serve'
  | 'disaster.manage';

export interface StaffUser {
  id: string;
  email: string;
  displayName: string;
  role: Role;
  municipalityCode: string | null;
  municipalityName: string | null;
  procedureIds: string[] | null;
  disabled: boolean;
  totpEnabled: boolean;
  lockedUntil: string | null;
  createdAt: string;
}

export interface Invite {
  id: string;
  email: string;
  role: Role;
  municipalityCode: string | null;
  expiresAt: string;
}

export interface StaffSession {
  csrfToken: string;
  user: StaffUser | null;
  municipality: { code: string; name: string; prefecture: string } | null;
  permissions: Action[];
  totpEnrolmentRequired: boolean;
  pendingTotp: boolean;
  setupRequired: boolean;
  expired: boolean;
  oidc: { label: string; loginUrl: string } | null;
  status?: 'signed_in' | 'totp_required';
  endSessionUrl?: string;
}

export interface FieldError {
  pointer: string;
  message: string;
}
