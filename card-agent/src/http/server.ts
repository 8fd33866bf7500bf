/**
 * The agent's JSON API on 127.0.0.1: GET /status, POST /pair,
 * POST /basic-info, POST /my-number. Every answer is `no-store`; the log
 * names only the method, path and status, never a PIN or card data.
 */
import { createServer, type IncomingMessage, type OutgoingHttpHeaders, type Server, type ServerResponse } from 'node:http';
import type { CardAgentError, CardAgentErrorCode, CardAgentMyNumberResponse, CardAgentPairResponse, CardAgentStatus, CardBasicInfo } from '@madoguchi/shared';
import { checkOrigin, preflightHeaders } from './originPolicy';
import type { Pairing } from './pairing';
import type { CardReader } from '../pcsc/pcscReader';
import { assertPinFormat, readBasicInfo, readMyNumber } from '../card/readSequence';
import { CardAgentFailure } from '../errors';

export interface AgentServerOptions {
  origins: readonly string[];
  pairing: Pairing;
  reader: CardReader;
  version: string;
  log: (line: string) => void;
  /** Filled in once the server listens (the Host check needs it). */
  port: () => number;
}

const STATUS_BY_CODE: Record<CardAgentErrorCode, number> = {
  origin_refused: 403,
  not_paired: 401,
  pairing_code_wrong: 401,
  pairing_locked: 429,
  bad_request: 400,
  not_found: 404,
  pcsc_unavailable: 503,
  no_reader: 503,
  no_card: 409,
  card_busy: 409,
  not_my_number_card: 422,
  pin_format: 400,
  pin_wrong: 422,
  pin_last_attempt: 409,
  pin_blocked: 423,
  consent_required: 403,
  card_error: 502,
};

const MAX_BODY_BYTES = 4096;

export function createAgentServer(options: AgentServerOptions): Server {
  return createServer((request, response) => {
    handle(request, response, options).catch((error: unknown) => {
      options.log(`[card-agent] internal error: ${(error as Error).name}`);
      if (!response.headersSent) send(response, 500, {}, failureBody(new CardAgentFailure('card_error')));
    });
  });
}

async function handle(request: IncomingMessage, response: ServerResponse, options: AgentServerOptions): Promise<void> {
  const path = new URL(request.url ?? '/', 'http://agent').pathname;
  const verdict = checkOrigin(request, options.origins, options.port());
  const respond = (status: number, body: unknown, extra: OutgoingHttpHeaders = {}): void => {
    options.log(`[card-agent] ${request.method} ${path} ${status}`);
    send(response, status, { ...(verdict.allowed ? verdict.cors : {}), ...extra }, body);
  };
  const fail = (failure: CardAgentFailure): void => respond(STATUS_BY_CODE[failure.code], failureBody(failure));

  if (!verdict.allowed) {
    request.resume();
    return fail(new CardAgentFailure('origin_refused'));
  }
  if (request.method === 'OPTIONS') return respond(204, null, preflightHeaders(request));

  try {
    if (request.method === 'GET' && path === '/status') return respond(200, status(options));
    if (request.method !== 'POST') throw new CardAgentFailure('not_found');
    const body = await readJson(request);
    if (path === '/pair') return respond(200, pair(options, body));
    if (path !== '/basic-info' && path !== '/my-number') throw new CardAgentFailure('not_found');
    if (!options.pairing.isValid(bearer(request))) throw new CardAgentFailure('not_paired');
    if (path === '/basic-info') return respond(200, await basicInfo(options, body));
    return respond(200, await myNumber(options, body));
  } catch (error) {
    if (error instanceof CardAgentFailure) return fail(error);
    throw error;
  }
}

function status({ reader, version }: AgentServerOptions): CardAgentStatus {
  return { agent: 'madoguchi-card-agent', version, ...reader.status() };
}

function pair({ pairing }: AgentServerOptions, body: Record<string, unknown>): CardAgentPairResponse {
  const result = pairing.pair(body.code);
  if (!result.ok) throw new CardAgentFailure(result.reason === 'locked' ? 'pairing_locked' : 'pairing_code_wrong');
  return { token: result.token, expiresAt: result.expiresAt.toISOString() };
}

async function basicInfo({ reader }: AgentServerOptions, body: Record<string, unknown>): Promise<CardBasicInfo> {
  assertPinFormat(body.pin);
  const pin = body.pin;
  return reader.withCard((transport) => readBasicInfo(transport, { pin, allowLastAttempt: body.allowLastAttempt === true }));
}

/** The 個人番号 only with the resident's consent and a named procedure; checked before the card is touched. */
async function myNumber({ reader }: AgentServerOptions, body: Record<string, unknown>): Promise<CardAgentMyNumberResponse> {
  const purpose = body.purpose;
  if (body.consent !== true || typeof purpose !== 'string' || !/^[\w.:-]{1,100}$/.test(purpose)) throw new CardAgentFailure('consent_required');
  assertPinFormat(body.pin);
  const pin = body.pin;
  const number = await reader.withCard((transport) => readMyNumber(transport, { pin, allowLastAttempt: body.allowLastAttempt === true }));
  return { myNumber: number };
}

function bearer(request: IncomingMessage): string | undefined {
  const match = /^Bearer ([\w-]+)$/.exec(request.headers.authorization ?? '');
  return match?.[1];
}

async function readJson(request: IncomingMessage): Promise<Record<string, unknown>> {
  if (!(request.headers['content-type'] ?? '').startsWith('application/json')) {
    request.resume();
    throw new CardAgentFailure('bad_request');
  }
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of request as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > MAX_BODY_BYTES) throw new CardAgentFailure('bad_request');
    chunks.push(chunk);
  }
  try {
    const parsed: unknown = JSON.parse(Buffer.concat(chunks).toString('utf8'));
    if (parsed && typeof parsed === 'object' && !Array.isArray(parsed)) return parsed as Record<string, unknown>;
  } catch {
    // falls through to bad_request
  }
  throw new CardAgentFailure('bad_request');
}

function failureBody(failure: CardAgentFailure): { error: CardAgentError } {
  return { error: { code: failure.code, message: failure.agentMessage, ...(failure.attemptsLeft !== undefined ? { attemptsLeft: failure.attemptsLeft } : {}) } };
}

function send(response: ServerResponse, status: number, headers: OutgoingHttpHeaders, body: unknown): void {
  const text = body === null ? '' : JSON.stringify(body);
  response.writeHead(status, {
    ...headers,
    'Cache-Control': 'no-store',
    'X-Content-Type-Options': 'nosniff',
    ...(body === null ? {} : { 'Content-Type': 'application/json; charset=utf-8' }),
  });
  response.end(text);
}
