/**
 * Who may talk to the agent: only pages from the configured console origins
 * (their Origin header), and only through a loopback Host name, so a page on
 * another site (or one that rebinds its DNS name to 127.0.0.1) gets nothing.
 * Requests without an Origin (curl on the counter PC) may only read /status.
 */
import type { IncomingMessage, OutgoingHttpHeaders } from 'node:http';

export type OriginVerdict = { allowed: true; cors: OutgoingHttpHeaders } | { allowed: false };

const LOOPBACK_HOSTS = new Set(['127.0.0.1', 'localhost', '[::1]']);

export function checkOrigin(request: IncomingMessage, origins: readonly string[], port: number): OriginVerdict {
  if (!isLoopbackHost(request.headers.host, port)) return { allowed: false };
  const origin = request.headers.origin;
  if (origin === undefined) {
    return request.method === 'GET' ? { allowed: true, cors: {} } : { allowed: false };
  }
  if (!origins.includes(origin)) return { allowed: false };
  return { allowed: true, cors: { 'Access-Control-Allow-Origin': origin, Vary: 'Origin' } };
}

/** The answer to a CORS preflight from an allowed origin (incl. Chrome's Private Network Access). */
export function preflightHeaders(request: IncomingMessage): OutgoingHttpHeaders {
  return {
    'Access-Control-Allow-Methods': 'GET, POST',
    'Access-Control-Allow-Headers': 'Content-Type, Authorization',
    'Access-Control-Max-Age': '600',
    ...(request.headers['access-control-request-private-network'] === 'true' ? { 'Access-Control-Allow-Private-Network': 'true' } : {}),
  };
}

function isLoopbackHost(host: string | undefined, port: number): boolean {
  if (!host) return false;
  const separator = host.lastIndexOf(':');
  const name = separator > host.lastIndexOf(']') ? host.slice(0, separator) : host;
  const hostPort = separator > host.lastIndexOf(']') ? Number(host.slice(separator + 1)) : 80;
  return LOOPBACK_HOSTS.has(name.toLowerCase()) && hostPort === port;
}
