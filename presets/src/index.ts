/** @madoguchi/presets: the standard procedures as data, and their loader. */
export * from './loadPresets';
export * from './freshExample';
export * from './loadGuides';
export * from './loadTemplates';
