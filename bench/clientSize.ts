/** What a resident's phone downloads for a form page: gzipped JS and CSS of the resident route (staff code excluded). */
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { ROOT, round1 } from './lib';

export function benchClientSize() {
  const assets = join(ROOT, 'client', 'dist', 'assets');
  if (!existsSync(assets)) return { error: 'client/dist missing: run npm run build' };
  const files = readdirSync(assets).filter((f) => /\.(js|css)$/.test(f));
  const isStaff = (f: string) => /staff|Staff|builder|Builder|inbox|Inbox/.test(f);
  let js = 0;
  let css = 0;
  let staffJs = 0;
  for (const f of files) {
    const gz = gzipSync(readFileSync(join(assets, f))).length;
    if (isStaff(f)) {
      if (f.endsWith('.js')) staffJs += gz;
    } else if (f.endsWith('.js')) js += gz;
    else css += gz;
  }
  return { residentJsKb: round1(js / 1024), residentCssKb: round1(css / 1024), staffOnlyJsKb: round1(staffJs / 1024), targetJsKb: 170 };
}
