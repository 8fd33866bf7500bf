/**
 * An upload refused because the server is busy (503 + Retry-After, admission
 * control during a surge) is sent again by itself after the wait the server
 * named, a few times, before the resident is asked to attach it again.
 * Nothing was stored for a refused upload, so sending it again is safe.
 */
import { ApiError } from '../../common/api/http';

export const BUSY_UPLOAD_ATTEMPTS = 4;

export async function retryWhenBusy<T>(send: () => Promise<T>, onWait: (seconds: number | undefined) => void, sleep = (ms: number) => new Promise((r) => setTimeout(r, ms))): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await send();
    } catch (error) {
      if (!(error instanceof ApiError) || error.status !== 503 || attempt >= BUSY_UPLOAD_ATTEMPTS) throw error;
      const seconds = error.retryAfterSeconds ?? 10;
      onWait(seconds);
      await sleep(seconds * 1000);
      onWait(undefined);
    }
  }
}
