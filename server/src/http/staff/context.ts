/** What staff route modules are given: the app's services plus the sign-in machinery. */
import type passport from 'passport';
import type { RequestHandler } from 'express';
import type { Services } from '../../services';
import type { Config } from '../../config';
import type { Storage } from '../../storage/types';
import type { MunicipalityRegistry } from '../../modules/municipalities/registry';
import type { SignInService } from '../../auth/signIn';
import type { UsersService } from '../../modules/users/usersService';
import type { AccountService } from '../../modules/users/accountService';
import type { AuthAudit } from '../../auth/audit';
import type { StaffOidc } from '../../auth/oidc';

export interface StaffContext {
  services: Services;
  storage: Storage;
  registry: MunicipalityRegistry;
  config: Config;
  passport: InstanceType<typeof passport.Passport>;
  signIn: SignInService;
  users: UsersService;
  account: AccountService;
  audit: AuthAudit;
  /** Present when OIDC_ISSUER is set. */
  oidc?: StaffOidc;
  /** Rate limit for every step that checks a secret (password, code, setup or invitation token). */
  secretAttemptLimiter: RequestHandler;
  now: () => Date;
}
