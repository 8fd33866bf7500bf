/**
 * The only way to add a staff or admin route. Each route declares its access
 * (public sign-in step, any signed-in account, or an action on a resource),
 * the guard runs before the handler, and the declaration is recorded so the
 * access-matrix test can check every route and find any that bypassed this.
 *
 * ```ts
 * routes.get('/municipalities/:code/inbox', can('inbox.read', municipalityParam()), handler);
 * ```
 */
import { Router, type Request, type RequestHandler, type Response } from 'express';
import type { AuthPolicy } from '../storage/types';
import { authorize, type Action, type Resource } from './policy';
import { AccessError } from './authErrors';
import { authText } from './messages';
import { requestLanguage } from '../i18n/language';

/** Finds what a request acts on; may load it (into res.locals) and throw NotFoundError. */
export type ResourceResolver = (req: Request, res: Response) => Resource | Promise<Resource>;

/**
 * A second way in when the policy says no: an account of another municipality
 * lent to one disaster (auth/disasterAccess.ts). It may leave what it found in
 * res.locals (the grant) for the handler's audit.
 */
export type LentAccessCheck = (req: Request, res: Response, user: Express.User, action: Action) => Promise<boolean>;

export type Access = { kind: 'public' } | { kind: 'signed-in' } | { kind: 'permission'; action: Action; resource: ResourceResolver; lent?: LentAccessCheck };

/** Reachable without an account (the sign-in steps themselves). */
export const publicAccess: Access = { kind: 'public' };
/** Any signed-in account, acting on itself (its session, password, second factor). */
export const signedIn: Access = { kind: 'signed-in' };
/** `action` on the resource the resolver finds, as the policy allows. */
export const can = (action: Action, resource: ResourceResolver): Access => ({ kind: 'permission', action, resource });

export type Method = 'get' | 'post' | 'put' | 'patch' | 'delete';

/** A declared route, as the access-matrix test sees it. */
export interface StaffRouteSpec {
  method: Method;
  /** Path under /api/v1/staff, with :params. */
  path: string;
  access: Access['kind'];
  action?: Action;
  /** Reachable by accounts of another municipality lent to the disaster in the path (応援職員). */
  lent?: true;
}

/** The municipality's sign-in policy as the store holds it now (auth/authLookupCache.ts caches it per version). */
export type PolicyLookup = (req: Request, municipalityCode: string) => Promise<AuthPolicy | null>;

/** Lets the HTTP layer wrap each route's handlers (the API contract check) without auth importing it. */
export type RouteDecorator = (method: Method, path: string, handlers: RequestHandler[]) => RequestHandler[];

export class StaffRoutes {
  readonly router = Router();
  readonly specs: StaffRouteSpec[] = [];

  constructor(
    private readonly policyOf: PolicyLookup,
    private readonly decorate: RouteDecorator = (_method, _path, handlers) => handlers,
  ) {}

  get(path: string, access: Access, ...handlers: RequestHandler[]) {
    return this.add('get', path, access, handlers);
  }
  post(path: string, access: Access, ...handlers: RequestHandler[]) {
    return this.add('post', path, access, handlers);
  }
  put(path: string, access: Access, ...handlers: RequestHandler[]) {
    return this.add('put', path, access, handlers);
  }
  patch(path: string, access: Access, ...handlers: RequestHandler[]) {
    return this.add('patch', path, access, handlers);
  }
  delete(path: string, access: Access, ...handlers: RequestHandler[]) {
    return this.add('delete', path, access, handlers);
  }

  private add(method: Method, path: string, access: Access, handlers: RequestHandler[]): this {
    this.specs.push({
      method,
      path,
      access: access.kind,
      ...(access.kind === 'permission' ? { action: access.action } : {}),
      ...(access.kind === 'permission' && access.lent ? { lent: true as const } : {}),
    });
    this.router[method](path, ...this.decorate(method, path, [this.guard(access), ...handlers]));
    return this;
  }

  private guard(access: Access): RequestHandler {
    return async (req, res, next) => {
      if (access.kind === 'public') return next();
      const lang = requestLanguage(req);
      const user = req.user;
      if (!user) {
        const expired = req.session?.expired === true;
        throw new AccessError(expired ? 'session_expired' : 'unauthorized', authText(lang, expired ? 'sessionExpired' : 'signInRequired'));
      }
      if (access.kind === 'signed-in') return next();
      if (await this.mustEnrolTotp(req, user)) throw new AccessError('totp_enrolment_required', authText(lang, 'totpEnrolmentRequired'));
      const resource = await access.resource(req, res);
      const allowed = authorize(user, access.action, resource) || (access.lent !== undefined && (await access.lent(req, res, user, access.action)));
      if (!allowed) throw new AccessError('forbidden', authText(lang, 'forbidden'));
      res.locals.resource = resource;
      next();
    };
  }

  /** A municipality that requires a second factor lets its accounts do nothing else until they enrol one. */
  private async mustEnrolTotp(req: Request, user: Express.User): Promise<boolean> {
    if (user.totpSecret || !user.municipalityCode) return false;
    return (await this.policyOf(req, user.municipalityCode))?.requireTotp === true;
  }
}
