/** Intake throughput: the real server against the bare Express baseline, interleaved rounds. */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ROOT, load, median, rssMb, startChild, type LoadResult, round1 } from './lib';

const example = (id: string) => JSON.stringify({ data: JSON.parse(readFileSync(join(ROOT, 'presets/procedures', id, 'examples/valid.json'), 'utf8')) });

export interface IntakeFigures {
  preset: string;
  baseline: { reqPerSec: number; p50: number; p99: number };
  product: { reqPerSec: number; p50: number; p99: number; non2xx: number };
  ratio: number;
}

export async function benchIntake(options: { rounds: number; seconds: number; connections: number }) {
  const dataDir = mkdtempSync(join(tmpdir(), 'madoguchi-bench-'));
  const baseline = await startChild(['-r', 'tsx/cjs', 'bench/baseline.ts'], {}, /baseline listening on (\d+)/);
  const product = await startChild(['server/dist/main.js'], {
    PORT: '0', HOST: '127.0.0.1', DATA_DIR: dataDir, LOG_LEVEL: 'warn',
    RATE_LIMIT_INTAKE_PER_MIN: '0', RATE_LIMIT_LOOKUP_PER_MIN: '0', RATE_LIMIT_UPLOAD_PER_MIN: '0',
  }, /serving on http:\/\/localhost:(\d+)/);
  const rssBefore = rssMb(product.child.pid!);
  const figures: IntakeFigures[] = [];
  let submissions = 0;
  try {
    // 罹災証明書, then the first long childcare form whose example needs no attachments
    // (a body the server refuses with 422 would measure rejections, not intake).
    const longForms = ['hoiku-riyo-moshikomi', 'ninshin-todoke', 'jidou-teate-genkyo', 'hoiku-shikyu-nintei', 'jidou-teate-nintei'];
    const chosen: string[] = [];
    for (const preset of ['risai-shomeisho', ...longForms]) {
      if (chosen.length === 2) break;
      const res = await fetch(`http://127.0.0.1:${product.port}/api/v1/municipalities/082015/procedures/${preset}/submissions`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: example(preset) });
      if (res.status === 201) chosen.push(preset);
    }
    for (const preset of chosen) {
      const body = example(preset);
      const path = `/api/v1/municipalities/082015/procedures/${preset}/submissions`;
      const base: LoadResult[] = [];
      const prod: LoadResult[] = [];
      // Warm-up: the validator compiles on first use.
      await load(`http://127.0.0.1:${product.port}${path}`, body, 1, 1);
      for (let r = 0; r < options.rounds; r++) {
        base.push(await load(`http://127.0.0.1:${baseline.port}${path}`, body, options.connections, options.seconds));
        const p = await load(`http://127.0.0.1:${product.port}${path}`, body, options.connections, options.seconds);
        prod.push(p);
        submissions += p.reqPerSec * options.seconds;
      }
      const b = { reqPerSec: median(base.map((x) => x.reqPerSec)), p50: median(base.map((x) => x.p50)), p99: median(base.map((x) => x.p99)) };
      const p = { reqPerSec: median(prod.map((x) => x.reqPerSec)), p50: median(prod.map((x) => x.p50)), p99: median(prod.map((x) => x.p99)), non2xx: prod.reduce((n, x) => n + x.non2xx, 0) };
      figures.push({ preset, baseline: b, product: p, ratio: Number((p.reqPerSec / b.reqPerSec).toFixed(2)) });
    }
    const rssAfter = rssMb(product.child.pid!);
    return { figures, memory: { rssBeforeMb: round1(rssBefore), rssAfterMb: round1(rssAfter), submissions: Math.round(submissions) } };
  } finally {
    await baseline.stop();
    await product.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
}
