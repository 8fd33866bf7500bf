/**
 * An Express router that mounts only what the API contract declares: each
 * route names its path, the contract must hold an operation for it (start-up
 * fails otherwise), and the request is checked against that operation just
 * before the handler (after any guard given before it).
 */
import { Router, type RequestHandler } from 'express';
import { findOperation, type HttpMethod, type Operation } from '@madoguchi/shared/contract';
import { checkRequest } from './requestCheck';

/** The operation of `method prefix+path`; a route without one is a programming error caught at start-up. */
export function operationFor(method: HttpMethod, fullPath: string): Operation {
  const operation = findOperation(method, fullPath);
  if (!operation) throw new Error(`No API contract for ${method.toUpperCase()} ${fullPath}: declare it in shared/src/api/contract`);
  return operation;
}

/** Puts the contract check just before the last handler (guards and limits run first). */
export function withCheck(operation: Operation, handlers: RequestHandler[]): RequestHandler[] {
  return [...handlers.slice(0, -1), checkRequest(operation), ...handlers.slice(-1)];
}

export class ContractRouter {
  readonly router = Router();

  /** `prefix`: where the router is mounted under /api/v1 (e.g. `/backoffice`). */
  constructor(private readonly prefix = '') {}

  get(path: string, ...handlers: RequestHandler[]) {
    return this.add('get', path, handlers);
  }
  post(path: string, ...handlers: RequestHandler[]) {
    return this.add('post', path, handlers);
  }
  put(path: string, ...handlers: RequestHandler[]) {
    return this.add('put', path, handlers);
  }
  patch(path: string, ...handlers: RequestHandler[]) {
    return this.add('patch', path, handlers);
  }
  delete(path: string, ...handlers: RequestHandler[]) {
    return this.add('delete', path, handlers);
  }
  use(...handlers: RequestHandler[]) {
    this.router.use(...handlers);
    return this;
  }

  private add(method: HttpMethod, path: string, handlers: RequestHandler[]): this {
    this.router[method](path, ...withCheck(operationFor(method, this.prefix + path), handlers));
    return this;
  }
}
