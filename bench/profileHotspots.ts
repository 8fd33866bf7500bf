/**
 * Where a Chromium CPU profile (CDP Profiler) spent its time: self time per
 * source package and per function, mapped back through the built client's
 * source maps (client/dist/assets/*.js.map) to the original files.
 */
import { existsSync, readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { SourceMapConsumer } from 'source-map-js';
import { ROOT } from './lib';

interface CallFrame {
  functionName: string;
  url: string;
  lineNumber: number;
  columnNumber: number;
}

export interface CpuProfile {
  nodes: Array<{ id: number; callFrame: CallFrame }>;
  samples?: number[];
  timeDeltas?: number[];
}

export interface Hotspots {
  sampledMs: number;
  /** Self time by package (node_modules/…) or app source folder. */
  byPackage: Array<{ where: string; ms: number; pct: number }>;
  /** Self time by function, at its original source position. */
  byFunction: Array<{ fn: string; ms: number; pct: number }>;
}

const consumers = new Map<string, SourceMapConsumer | null>();

function consumer(url: string): SourceMapConsumer | null {
  if (!consumers.has(url)) {
    const map = join(ROOT, 'client', 'dist', 'assets', `${basename(new URL(url).pathname)}.map`);
    consumers.set(url, existsSync(map) ? new SourceMapConsumer(JSON.parse(readFileSync(map, 'utf8'))) : null);
  }
  return consumers.get(url)!;
}

/** `../../node_modules/@rjsf/core/lib/x.js` → `@rjsf/core`; `../src/resident/form/x.tsx` → `client/src/resident/form`. */
function packageOf(source: string): string {
  const nm = source.lastIndexOf('node_modules/');
  if (nm >= 0) {
    const parts = source.slice(nm + 'node_modules/'.length).split('/');
    return parts[0]!.startsWith('@') ? `${parts[0]}/${parts[1]}` : parts[0]!;
  }
  const clean = source.replace(/^(\.\.\/)+/, '').replace(/^\/?work\/main\//, '');
  return clean.split('/').slice(0, -1).join('/') || clean;
}

function locate(frame: CallFrame): { where: string; fn: string } {
  const name = frame.functionName || '(anonymous)';
  if (!frame.url) {
    const label = frame.functionName.startsWith('(') ? frame.functionName : `(${frame.functionName || 'native'})`;
    return { where: label, fn: label };
  }
  const map = /\/assets\/[^/]+\.js$/.test(new URL(frame.url).pathname) ? consumer(frame.url) : null;
  if (map) {
    const pos = map.originalPositionFor({ line: frame.lineNumber + 1, column: frame.columnNumber });
    if (pos.source) {
      const source = pos.source.replace(/^(\.\.\/)+/, '');
      return { where: packageOf(pos.source), fn: `${pos.name ?? name} ${source}:${pos.line}` };
    }
  }
  const file = basename(new URL(frame.url).pathname);
  return { where: file, fn: `${name} ${file}:${frame.lineNumber + 1}` };
}

export function profileHotspots(profile: CpuProfile, top = 12): Hotspots {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const self = new Map<number, number>();
  const samples = profile.samples ?? [];
  const deltas = profile.timeDeltas ?? [];
  for (let i = 0; i < samples.length; i++) self.set(samples[i]!, (self.get(samples[i]!) ?? 0) + (deltas[i] ?? 0) / 1000);
  const packages = new Map<string, number>();
  const functions = new Map<string, number>();
  let total = 0;
  for (const [id, ms] of self) {
    const node = byId.get(id);
    if (!node || node.callFrame.functionName === '(idle)') continue;
    total += ms;
    const { where, fn } = locate(node.callFrame);
    packages.set(where, (packages.get(where) ?? 0) + ms);
    functions.set(fn, (functions.get(fn) ?? 0) + ms);
  }
  const rank = <K extends string>(m: Map<string, number>, key: K) =>
    [...m]
      .sort((a, b) => b[1] - a[1])
      .slice(0, top)
      .map(([k, ms]) => ({ [key]: k, ms: Math.round(ms), pct: Math.round((ms / total) * 100) }) as { [P in K]: string } & { ms: number; pct: number });
  return { sampledMs: Math.round(total), byPackage: rank(packages, 'where'), byFunction: rank(functions, 'fn') };
}
