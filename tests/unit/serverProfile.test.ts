/**
 * The bench's CPU profile by stage (bench/serverProfile.ts): a sample counts for the stage of the frame nearest to
 * it, only the loaded window counts, idle time never does, and figures per request divide by the requests answered.
 */
import { INBOX_STAGES, stagesOf, type NodeCpuProfile } from '../../bench/serverProfile';

const frame = (id: number, functionName: string, url: string, children: number[] = []) => ({ id, callFrame: { functionName, url, lineNumber: 1 }, children });

/** root ─ router handle ─ inbox list (repository) ─ native all; root ─ router handle ─ helper (no stage); GC; idle. */
const nodes = [
  frame(1, '(root)', '', [2, 5, 6, 7]),
  frame(2, 'handle', 'file:///app/node_modules/router/index.js', [3, 8]),
  frame(3, 'list', 'file:///app/server/dist/storage/sqlite/inboxRepository.js', [4]),
  frame(4, 'all', ''),
  frame(5, '(garbage collector)', ''),
  frame(6, '(idle)', ''),
  frame(7, 'tick', 'node:internal/timers'),
  frame(8, 'toArray', 'file:///app/server/dist/unmatched.js'),
];

/** Samples of 1 ms each, in this order: what each stands for is in `at`. */
function profile(sampled: number[]): NodeCpuProfile {
  return { nodes, samples: sampled, timeDeltas: sampled.map(() => 1000) };
}

test('each sample counts for the stage of its nearest frame; GC is its own stage, idle is not busy', () => {
  // 4 ms in the store's list (under the router), 2 ms in a helper under the router, 2 ms GC, 1 ms timers, 3 ms idle.
  const p = profile([4, 4, 3, 4, 8, 8, 5, 5, 7, 6, 6, 6]);
  const figures = stagesOf(p, INBOX_STAGES, { windowMs: 12, shutdownMs: 0, requests: 3 });
  expect(Object.fromEntries(figures.map((f) => [f.stage, f.ms]))).toEqual({
    'store: list page (kept, or queried)': 4,
    'Express routing': 2,
    'garbage collection': 2,
    other: 1,
  });
  // Busy time is 9 ms: idle counts for nothing.
  expect(figures.find((f) => f.stage === 'store: list page (kept, or queried)')!.pct).toBeCloseTo(44.4, 1);
  expect(figures.find((f) => f.stage === 'store: list page (kept, or queried)')!.usPerRequest).toBe(1333);
  expect(figures[0]!.stage).toBe('store: list page (kept, or queried)');
});

test('only the window before the shutdown counts', () => {
  // Start-up (GC, 3 ms), then the loaded window (list, 4 ms), then the shutdown (timers, 2 ms).
  const p = profile([5, 5, 5, 4, 4, 4, 4, 7, 7]);
  const figures = stagesOf(p, INBOX_STAGES, { windowMs: 4, shutdownMs: 2, requests: 4 });
  expect(figures).toEqual([{ stage: 'store: list page (kept, or queried)', ms: 4, pct: 100, usPerRequest: 1000 }]);
});
