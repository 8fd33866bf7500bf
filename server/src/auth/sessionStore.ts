/**
 * express-session store over the storage port's SessionRepository, so staff
 * sessions live in SQLite or MongoDB like everything else (the published
 * SQLite stores are GPL or leak timers; see design/stack-notes.md).
 */
import session, { type SessionData } from 'express-session';
import type { SessionRepository } from '../storage/types';

type Callback = (error?: unknown) => void;

/** A session's expiry is rewritten at most this often (so a session may end up to this much before its idle timeout). */
const TOUCH_INTERVAL_MS = 60_000;

export class RepositorySessionStore extends session.Store {
  /** @param ttlMs how long a session lives in the store after its last request (the idle timeout). */
  constructor(
    private readonly repo: SessionRepository,
    private readonly ttlMs: number,
    private readonly now: () => Date,
  ) {
    super();
  }

  private expiry(): Date {
    return new Date(this.now().getTime() + this.ttlMs);
  }

  override get(sid: string, callback: (error: unknown, session?: SessionData | null) => void): void {
    this.repo.get(sid, this.now()).then((data) => callback(null, (data as unknown as SessionData) ?? null), callback);
  }

  override set(sid: string, data: SessionData, callback?: Callback): void {
    // A JSON round trip: the cookie object carries methods and Dates.
    const plain = JSON.parse(JSON.stringify(data)) as Record<string, unknown>;
    this.remember(sid);
    this.repo.set(sid, plain, this.expiry()).then(
      () => callback?.(),
      (error) => callback?.(error),
    );
  }

  /**
   * express-session touches the session on every request. Writing the new expiry
   * each time made every staff page wait for a disk write; once a minute per
   * session is enough for an idle timeout counted in minutes.
   */
  override touch(sid: string, _data: SessionData, callback?: Callback): void {
    const last = this.lastWrite.get(sid);
    if (last !== undefined && this.now().getTime() - last < TOUCH_INTERVAL_MS) {
      callback?.();
      return;
    }
    this.remember(sid);
    this.repo.touch(sid, this.expiry()).then(
      () => callback?.(),
      (error) => callback?.(error),
    );
  }

  override destroy(sid: string, callback?: Callback): void {
    this.lastWrite.delete(sid);
    this.repo.destroy(sid).then(
      () => callback?.(),
      (error) => callback?.(error),
    );
  }

  /** When each session's expiry was last written by this process (bounded: oldest forgotten first). */
  private readonly lastWrite = new Map<string, number>();

  private remember(sid: string): void {
    this.lastWrite.delete(sid);
    this.lastWrite.set(sid, this.now().getTime());
    if (this.lastWrite.size > 10_000) this.lastWrite.delete(this.lastWrite.keys().next().value!);
  }
}
