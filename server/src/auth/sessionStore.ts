/**
 * express-session store over the storage port's SessionRepository, so staff
 * sessions live in SQLite or MongoDB like everything else (the published
 * SQLite stores are GPL or leak timers; see design/stack-notes.md).
 */
import session, { type SessionData } from 'express-session';
import type { SessionRepository } from '../storage/types';

type Callback = (error?: unknown) => void;

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
    this.repo.set(sid, plain, this.expiry()).then(() => callback?.(), (error) => callback?.(error));
  }

  override touch(sid: string, _data: SessionData, callback?: Callback): void {
    this.repo.touch(sid, this.expiry()).then(() => callback?.(), (error) => callback?.(error));
  }

  override destroy(sid: string, callback?: Callback): void {
    this.repo.destroy(sid).then(() => callback?.(), (error) => callback?.(error));
  }
}
