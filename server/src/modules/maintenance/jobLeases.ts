/**
 * Which instance runs which background job (issue #23). Every job has a lease
 * in the store; the instance holding it runs the job and renews the lease every
 * third of its time. If that instance dies (or loses the store) the lease runs
 * out and another instance takes the job over within the lease time. Any number
 * of instances — cluster workers, servers on one DATA_DIR or on one MongoDB —
 * thus run each job once.
 */
import { hostname } from 'node:os';
import { randomUUID } from 'node:crypto';
import type { Logger } from 'pino';
import type { LeaseRepository } from '../../storage/types';

export interface LeaseHandlers {
  /** This instance now holds the lease: start the job. */
  gained(): void;
  /** It no longer does (another took it over, or renewing failed for a whole lease time): stop the job. */
  lost(): void;
}

export interface JobLeaseOptions {
  ttlMs: number;
  /** This instance's name in the store; unique per process start. */
  holder?: string;
  now?: () => Date;
  logger?: Logger;
}

/** A name saying which process holds a lease (operators read it), unique per start. */
export function instanceName(): string {
  return `${hostname()}:${process.pid}:${randomUUID().slice(0, 8)}`;
}

interface Watched {
  handlers: LeaseHandlers;
  held: boolean;
  /** When the lease was last confirmed ours (ms): past ttlMs without confirmation it counts as lost. */
  confirmedAt: number;
}

export class JobLeases {
  readonly holder: string;
  private readonly watched = new Map<string, Watched>();
  private timer: NodeJS.Timeout | undefined;
  private beat: Promise<void> | undefined;
  private stopped = false;
  private readonly now: () => Date;

  constructor(
    private readonly leases: LeaseRepository,
    private readonly options: JobLeaseOptions,
  ) {
    this.holder = options.holder ?? instanceName();
    this.now = options.now ?? (() => new Date());
  }

  /** Calls `handlers.gained` whenever this instance gets the lease `name`, `handlers.lost` when it loses it. */
  watch(name: string, handlers: LeaseHandlers): void {
    this.watched.set(name, { handlers, held: false, confirmedAt: 0 });
  }

  /** Tries for every watched lease now, then renews (or tries again) every third of the lease time. */
  start(): void {
    this.stopped = false;
    // One heartbeat at a time: a slow store delays the next one instead of stacking them.
    const beat = () => {
      this.beat ??= this.heartbeat().finally(() => (this.beat = undefined));
    };
    beat();
    this.timer = setInterval(beat, Math.max(50, Math.floor(this.options.ttlMs / 3))).unref();
  }

  /**
   * Confirms the lease right before a run: false when it is no longer ours (then
   * `lost` has been called), so a run never starts on a lease that ran out.
   */
  async confirm(name: string): Promise<boolean> {
    const w = this.watched.get(name);
    if (!w || !w.held || this.stopped) return false;
    await this.check(name, w);
    return w.held;
  }

  /** Stops renewing and gives up every lease this instance holds, so another instance takes over at once. */
  async stop(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearInterval(this.timer);
    await this.beat;
    for (const [name, w] of this.watched) {
      if (!w.held) continue;
      w.held = false;
      await this.leases.release(name, this.holder).catch(() => undefined); // unreleased, it simply expires
    }
  }

  private async heartbeat(): Promise<void> {
    for (const [name, w] of this.watched) {
      if (this.stopped) return;
      await this.check(name, w);
    }
  }

  private async check(name: string, w: Watched): Promise<void> {
    const at = this.now();
    let ours: boolean;
    try {
      ours = await this.leases.acquire(name, this.holder, this.options.ttlMs, at);
      if (ours) w.confirmedAt = at.getTime();
    } catch (error) {
      this.options.logger?.warn({ err: error, lease: name }, 'job lease could not be renewed');
      // Unconfirmed for a whole lease time: another instance may have taken it over.
      ours = w.held && at.getTime() - w.confirmedAt < this.options.ttlMs;
    }
    if (ours === w.held || this.stopped) return;
    w.held = ours;
    if (ours) {
      this.options.logger?.info({ lease: name, holder: this.holder }, 'job lease taken: this instance runs the job');
      w.handlers.gained();
    } else {
      this.options.logger?.warn({ lease: name, holder: this.holder }, 'job lease lost: another instance runs the job');
      w.handlers.lost();
    }
  }
}
