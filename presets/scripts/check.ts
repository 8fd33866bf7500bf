/**
 * Checks presets while writing them: `npx tsx presets/scripts/check.ts [id…]`.
 * Loads each preset, and without ids each template too (meta-schema + schema compile) and validates its example as of today (freshExample).
 */
import { join } from 'node:path';
import { FormValidator } from '@madoguchi/shared';
import { loadPreset, loadPresets, PRESETS_ROOT } from '../src/loadPresets';
import { freshExample } from '../src/freshExample';
import { loadTemplates } from '../src/loadTemplates';

const ids = process.argv.slice(2);
// Without ids: every preset and every template (presets/templates, same file shape).
const presets = ids.length ? ids.map((id) => loadPreset(join(PRESETS_ROOT, id))) : [...loadPresets(), ...loadTemplates()];
const validator = new FormValidator();
let failed = 0;
for (const preset of presets) {
  if (!preset.example) {
    console.log(`✗ ${preset.procedure.id}: examples/valid.json is missing`);
    failed++;
    continue;
  }
  const outcome = validator.validate(preset.procedure.id, preset.schema, freshExample(preset.example));
  if (outcome.valid) console.log(`✓ ${preset.procedure.id} (${Object.keys(preset.schema.properties ?? {}).length} top-level fields)`);
  else {
    failed++;
    console.log(`✗ ${preset.procedure.id}: example is invalid`);
    for (const e of outcome.errors) console.log(`    ${e.pointer}: ${e.message}`);
  }
}
process.exit(failed ? 1 : 0);
