/** The builder's one logic representation: conditions, their JSON Schema form, their words. */
export * from './types';
export * from './compile';
export * from './describe';
export * from './dateCompare';
export * from './pruneHidden';
