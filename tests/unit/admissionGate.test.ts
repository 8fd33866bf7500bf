/** The admission gate on its own: slots, a first-come-first-served waiting room, a wait bound, callers who leave. */
import { AdmissionGate } from '../../server/src/modules/admission/admissionGate';

const admittedTicket = async (gate: AdmissionGate, signal?: AbortSignal) => {
  const a = await gate.acquire(signal);
  if (!a.admitted) throw new Error(`refused: ${a.reason}`);
  return a.ticket;
};

test('admits up to the limit, queues in order, hands freed slots to the longest waiter, refuses beyond the queue', async () => {
  const gate = new AdmissionGate({ maxInFlight: 2, maxQueue: 2, maxWaitMs: 60_000 });
  const first = await admittedTicket(gate);
  await admittedTicket(gate);
  const order: string[] = [];
  const a = gate.acquire().then((x) => (order.push('a'), x));
  const b = gate.acquire().then((x) => (order.push('b'), x));
  expect(await gate.acquire()).toEqual({ admitted: false, reason: 'queue_full' });
  expect(gate.stats()).toEqual({ inFlight: 2, queued: 2, refused: 1, admitted: 2 });
  first.release();
  first.release(); // idempotent: one slot freed, one waiter let in
  expect((await a).admitted).toBe(true);
  expect(gate.stats()).toMatchObject({ inFlight: 2, queued: 1 });
  const aTicket = await a;
  if (aTicket.admitted) aTicket.ticket.release();
  expect((await b).admitted).toBe(true);
  expect(order).toEqual(['a', 'b']);
});

test('a wait longer than the bound is refused; a caller who leaves gives up its place without counting as refused', async () => {
  const gate = new AdmissionGate({ maxInFlight: 1, maxQueue: 5, maxWaitMs: 20 });
  const held = await admittedTicket(gate);
  expect(await gate.acquire()).toEqual({ admitted: false, reason: 'wait_timeout' });
  const long = new AdmissionGate({ maxInFlight: 1, maxQueue: 5, maxWaitMs: 60_000 });
  const slot = await admittedTicket(long);
  const leaving = new AbortController();
  const gone = long.acquire(leaving.signal);
  const next = long.acquire();
  leaving.abort();
  expect((await gone).admitted).toBe(false);
  slot.release();
  expect((await next).admitted).toBe(true);
  expect(long.stats()).toMatchObject({ refused: 0, queued: 0, inFlight: 1 });
  held.release();
});

test('a limit of 0 turns the gate off', async () => {
  const gate = new AdmissionGate({ maxInFlight: 0, maxQueue: 0, maxWaitMs: 1 });
  for (let i = 0; i < 100; i++) await admittedTicket(gate);
  expect(gate.enabled).toBe(false);
});
