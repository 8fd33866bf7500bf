/**
 * The console's client for the card-reader agent: it passes the agent's ja/en
 * messages and tries-left through unchanged, sends the token only to the
 * reading calls, forgets it when the agent says it is no longer paired, and
 * reports an agent it cannot reach as such. (Against the real agent in a real
 * browser: tests/e2e/cardAgentBrowser.test.ts.)
 */
import { loadClient } from './clientModules';

interface ClientError {
  code: string;
  agentMessage: { ja: string; en: string };
  status: number;
  attemptsLeft?: number;
}
interface CardAgentClient {
  status(): Promise<unknown>;
  pair(code: string): Promise<void>;
  isPaired(): boolean;
  readBasicInfo(pin: string, options?: { allowLastAttempt?: boolean }): Promise<unknown>;
  forget(): void;
}
const { createCardAgentClient, DEFAULT_CARD_AGENT_URL } = loadClient<{
  createCardAgentClient: (options: { baseUrl?: string; fetch?: typeof fetch; tokenStorage?: Pick<Storage, 'getItem' | 'setItem' | 'removeItem'> }) => CardAgentClient;
  DEFAULT_CARD_AGENT_URL: string;
}>('staff/counter/cardAgentClient');

interface Seen {
  url: string;
  init: RequestInit;
}

/** A fetch that answers from a list and remembers what it was asked. */
function fakeFetch(answers: Array<{ status: number; body: unknown } | 'network-error'>): { fetch: typeof fetch; seen: Seen[] } {
  const seen: Seen[] = [];
  const fetchImpl = (async (url: string, init: RequestInit) => {
    seen.push({ url, init });
    const answer = answers.shift();
    if (!answer || answer === 'network-error') throw new TypeError('Failed to fetch');
    return new Response(JSON.stringify(answer.body), { status: answer.status, headers: { 'Content-Type': 'application/json' } });
  }) as unknown as typeof fetch;
  return { fetch: fetchImpl, seen };
}

async function failure(promise: Promise<unknown>): Promise<ClientError> {
  try {
    await promise;
  } catch (error) {
    return error as ClientError;
  }
  throw new Error('expected a failure');
}

const PIN_WRONG = { error: { code: 'pin_wrong', message: { ja: '暗証番号が違います。あと2回間違えるとロックされます。', en: 'Wrong PIN. 2 more wrong tries lock it.' }, attemptsLeft: 2 } };
const NOT_PAIRED = { error: { code: 'not_paired', message: { ja: 'ペアリングしていません。', en: 'Not paired.' } } };

test('talks to 127.0.0.1 on the agent’s default port unless told otherwise', () => {
  expect(DEFAULT_CARD_AGENT_URL).toBe('http://127.0.0.1:39419');
});

test('pairs, then sends the token with the PIN; the agent’s message and tries left come through unchanged', async () => {
  const { fetch, seen } = fakeFetch([
    { status: 200, body: { token: 'tok-1', expiresAt: new Date(Date.now() + 60_000).toISOString() } },
    { status: 422, body: PIN_WRONG },
  ]);
  const client = createCardAgentClient({ baseUrl: 'http://127.0.0.1:5555/', fetch });
  await client.pair(' 123456 ');
  expect(client.isPaired()).toBe(true);
  expect(seen[0]!.url).toBe('http://127.0.0.1:5555/pair');
  expect(JSON.parse(seen[0]!.init.body as string)).toEqual({ code: '123456' });
  expect((seen[0]!.init.headers as Record<string, string>).Authorization).toBeUndefined();

  const error = await failure(client.readBasicInfo('0000'));
  expect(error).toMatchObject({ code: 'pin_wrong', status: 422, attemptsLeft: 2, agentMessage: PIN_WRONG.error.message });
  expect((seen[1]!.init.headers as Record<string, string>).Authorization).toBe('Bearer tok-1');
  expect(JSON.parse(seen[1]!.init.body as string)).toEqual({ pin: '0000' });
});

test('sends allowLastAttempt only when the clerk confirmed', async () => {
  const { fetch, seen } = fakeFetch([{ status: 200, body: { name: 'x' } }]);
  await createCardAgentClient({ fetch }).readBasicInfo('1234', { allowLastAttempt: true });
  expect(JSON.parse(seen[0]!.init.body as string)).toEqual({ pin: '1234', allowLastAttempt: true });
});

test('forgets the token (also in storage) when the agent says it is not paired', async () => {
  const stored = new Map<string, string>([['madoguchi.cardAgent.token', 'old']]);
  const storage = { getItem: (k: string) => stored.get(k) ?? null, setItem: (k: string, v: string) => void stored.set(k, v), removeItem: (k: string) => void stored.delete(k) };
  const { fetch } = fakeFetch([{ status: 401, body: NOT_PAIRED }]);
  const client = createCardAgentClient({ fetch, tokenStorage: storage });
  expect(client.isPaired()).toBe(true);
  expect((await failure(client.readBasicInfo('1234'))).code).toBe('not_paired');
  expect(client.isPaired()).toBe(false);
  expect(stored.size).toBe(0);
});

test('an agent that does not answer (or a browser that hides the answer) is reported as unreachable, in ja and en', async () => {
  const { fetch } = fakeFetch(['network-error']);
  const error = await failure(createCardAgentClient({ fetch }).status());
  expect(error.code).toBe('agent_unreachable');
  expect(error.agentMessage.ja).toContain('職員が入力');
  expect(error.agentMessage.en).toContain('staff type the data');
});
