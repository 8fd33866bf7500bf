/** Preset examples as of today: see presets/src/freshExample.ts. */
export { EXAMPLES_WRITTEN_ON, freshExample } from '@madoguchi/presets';
