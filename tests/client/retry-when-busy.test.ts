/** An upload refused during a surge (503 + Retry-After) is sent again by itself after the named wait; other failures are not. */
import { loadClient } from './clientModules';

const { retryWhenBusy, BUSY_UPLOAD_ATTEMPTS } = loadClient<{
  retryWhenBusy: <T>(send: () => Promise<T>, onWait: (s: number | undefined) => void, sleep?: (ms: number) => Promise<unknown>) => Promise<T>;
  BUSY_UPLOAD_ATTEMPTS: number;
}>('resident/attachments/retryWhenBusy');
const { ApiError } = loadClient<{ ApiError: new (status: number, code: string, message: string, fields?: unknown[], requestId?: string, retryAfter?: number) => Error }>('common/api/http');

test('waits the Retry-After of each 503, then sends again until it is taken', async () => {
  const answers = [new ApiError(503, 'intake_busy', 'busy', [], 'r1', 3), new ApiError(503, 'intake_busy', 'busy', [], 'r2', 7), { fileId: 'f1' }];
  const slept: number[] = [];
  const waits: Array<number | undefined> = [];
  const send = jest.fn(async () => {
    const next = answers.shift()!;
    if (next instanceof Error) throw next;
    return next;
  });
  const stored = await retryWhenBusy(
    send,
    (s) => waits.push(s),
    async (ms) => slept.push(ms),
  );
  expect(stored).toEqual({ fileId: 'f1' });
  expect(send).toHaveBeenCalledTimes(3);
  expect(slept).toEqual([3000, 7000]);
  expect(waits).toEqual([3, undefined, 7, undefined]);
});

test('gives up after a few refusals, and never retries other failures', async () => {
  const busy = jest.fn(async () => {
    throw new ApiError(503, 'intake_busy', 'busy', [], 'r', 1);
  });
  await expect(
    retryWhenBusy(
      busy,
      () => undefined,
      async () => undefined,
    ),
  ).rejects.toThrow('busy');
  expect(busy).toHaveBeenCalledTimes(BUSY_UPLOAD_ATTEMPTS);
  const refused = jest.fn(async () => {
    throw new ApiError(415, 'unsupported_media_type', 'not a photo');
  });
  await expect(
    retryWhenBusy(
      refused,
      () => undefined,
      async () => undefined,
    ),
  ).rejects.toThrow('not a photo');
  expect(refused).toHaveBeenCalledTimes(1);
});
