/**
 * Admission control for intake work under a surge (a disaster brings thousands
 * of 罹災証明書 in days): at most `maxInFlight` pieces of work run at once, at
 * most `maxQueue` wait for a slot, and none waits longer than `maxWaitMs`.
 * Whatever does not fit is refused at once, so the work that was admitted keeps
 * its latency instead of every request slowing down together until all time out.
 * No HTTP here: the HTTP layer (http/admissionControl.ts) turns a refusal into 503.
 */

export interface AdmissionSettings {
  /** Work running at once; 0 turns the gate off (everything is admitted). */
  maxInFlight: number;
  /** Work waiting for a slot; one more is refused at once. */
  maxQueue: number;
  /** Longest wait for a slot before the work is refused. */
  maxWaitMs: number;
}

/** Why work was not admitted: the wait list was full, or the wait took too long. */
export type Refusal = 'queue_full' | 'wait_timeout';

export interface AdmissionStats {
  inFlight: number;
  queued: number;
  /** Refused since start (per process). */
  refused: number;
  admitted: number;
}

/** A slot held by admitted work; `release` is idempotent. */
export interface Ticket {
  release: () => void;
}

export type Admission = { admitted: true; ticket: Ticket } | { admitted: false; reason: Refusal };

interface Waiter {
  grant: (ticket: Ticket) => void;
  timer: NodeJS.Timeout;
}

export class AdmissionGate {
  private inFlight = 0;
  private readonly waiting: Waiter[] = [];
  private refused = 0;
  private admitted = 0;

  constructor(private readonly settings: AdmissionSettings) {}

  get enabled(): boolean {
    return this.settings.maxInFlight > 0;
  }

  /**
   * Waits for a slot (or refuses). `cancelled` ends the wait when the caller
   * gave up (the client disconnected): its place goes to the next in line.
   */
  acquire(cancelled?: AbortSignal): Promise<Admission> {
    if (!this.enabled || this.inFlight < this.settings.maxInFlight) return Promise.resolve({ admitted: true, ticket: this.take() });
    if (this.waiting.length >= this.settings.maxQueue) return Promise.resolve(this.refuse('queue_full'));
    return new Promise((resolve) => {
      const leave = () => {
        const index = this.waiting.indexOf(waiter);
        if (index >= 0) this.waiting.splice(index, 1);
        clearTimeout(waiter.timer);
      };
      const waiter: Waiter = {
        grant: (ticket) => {
          cancelled?.removeEventListener('abort', onAbort);
          resolve({ admitted: true, ticket });
        },
        timer: setTimeout(() => {
          leave();
          cancelled?.removeEventListener('abort', onAbort);
          resolve(this.refuse('wait_timeout'));
        }, this.settings.maxWaitMs),
      };
      // A caller that went away neither counts as refused nor holds its place.
      const onAbort = () => {
        leave();
        resolve({ admitted: false, reason: 'wait_timeout' });
      };
      this.waiting.push(waiter);
      cancelled?.addEventListener('abort', onAbort, { once: true });
    });
  }

  stats(): AdmissionStats {
    return { inFlight: this.inFlight, queued: this.waiting.length, refused: this.refused, admitted: this.admitted };
  }

  private take(): Ticket {
    this.inFlight++;
    this.admitted++;
    let released = false;
    return {
      release: () => {
        if (released) return;
        released = true;
        this.inFlight--;
        this.handOn();
      },
    };
  }

  /** A freed slot goes to the longest waiter, first come first served. */
  private handOn(): void {
    const next = this.waiting.shift();
    if (!next) return;
    clearTimeout(next.timer);
    next.grant(this.take());
  }

  private refuse(reason: Refusal): Admission {
    this.refused++;
    return { admitted: false, reason };
  }
}
