/** Compile time and validations per second of each preset's compiled validator. */
import { FormValidator, versionKey } from '@madoguchi/shared';
import { loadPresets } from '@madoguchi/presets';
import { round1 } from './lib';

export function benchValidation(iterations: number) {
  const rows = [];
  for (const preset of loadPresets()) {
    const validator = new FormValidator();
    const key = versionKey('preset', preset.procedure.id, 1);
    const t0 = process.hrtime.bigint();
    validator.compile(key, preset.schema);
    const compileMs = Number(process.hrtime.bigint() - t0) / 1e6;
    const t1 = process.hrtime.bigint();
    for (let i = 0; i < iterations; i++) validator.validate(key, preset.schema, preset.example);
    const seconds = Number(process.hrtime.bigint() - t1) / 1e9;
    rows.push({ preset: preset.procedure.id, compileMs: round1(compileMs), validationsPerSec: Math.round(iterations / seconds) });
  }
  return rows;
}
