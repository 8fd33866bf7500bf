/**
 * The national life-event guides (`presets/guides/<id>.json`), checked
 * against the presets they name: a guide that points at an unknown
 * procedure, question or option stops loading, as a bad preset does.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { guideProblems, type LifeEventGuide } from '@madoguchi/shared';

export const GUIDES_ROOT = resolve(__dirname, '..', 'guides');

/** The order residents meet the life events in (others follow by name). */
const LIFE_EVENT_ORDER = ['妊娠', '出生', '転入', '介護', '被災'];
const rank = (g: LifeEventGuide) => (LIFE_EVENT_ORDER.includes(g.lifeEvent) ? LIFE_EVENT_ORDER.indexOf(g.lifeEvent) : LIFE_EVENT_ORDER.length);

export function loadGuides(procedureIds: ReadonlySet<string>, root: string = GUIDES_ROOT): LifeEventGuide[] {
  if (!existsSync(root)) return [];
  const guides = readdirSync(root)
    .filter((name) => name.endsWith('.json'))
    .sort()
    .map((name) => {
      const guide = JSON.parse(readFileSync(join(root, name), 'utf8')) as LifeEventGuide;
      const problems = guideProblems(guide, procedureIds);
      if (guide.id !== name.replace(/\.json$/, '')) problems.push(`id "${guide.id}" must equal the file name`);
      if (problems.length) throw new Error(`Invalid guide ${name}:\n  - ${problems.join('\n  - ')}`);
      return guide;
    });
  return guides.sort((a, b) => rank(a) - rank(b) || a.id.localeCompare(b.id));
}
