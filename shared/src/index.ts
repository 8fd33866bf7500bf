/** @madoguchi/shared: the form model, the one validator and the API shapes. */
export * from './form/types';
export * from './form/jsonSchema';
export * from './form/commonDefinitions';
export * from './form/procedureMetaSchema';
export * from './form/validateProcedure';
export * from './form/conditions';
export * from './form/wareki';
export * from './form/answerList';
export * from './validation/japaneseFormats';
export * from './validation/createAjv';
export * from './validation/messages';
export * from './validation/formValidator';
export * from './submission/status';
export * from './submission/types';
export * from './submission/receiptNumber';
export * from './api/types';
export * from './catalog';
