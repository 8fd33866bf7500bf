/**
 * RJSF's template registry as the browser gets it (client/vite.config.ts `rjsfSlimRegistry`): every template
 * @rjsf/core offers, under the same names. The resident form replaces the field, object, array, input, help
 * and error templates with its own (src/resident/form/registry.ts) and has no buttons, error list or layout
 * grid of RJSF's, so those are fetched the first time one renders (rareParts.ts); the templates core fields
 * may still render for an unusual schema (oneOf, an unsupported type, a title) stay in the form's chunk.
 * tests/client/rjsf-slim-registry.test.ts checks the names against @rjsf/core's.
 */
import type { TemplatesType } from '@rjsf/utils';
import MultiSchemaFieldTemplate from '@rjsf/core/lib/components/templates/MultiSchemaFieldTemplate.js';
import TitleFieldTemplate from '@rjsf/core/lib/components/templates/TitleField.js';
import UnsupportedFieldTemplate from '@rjsf/core/lib/components/templates/UnsupportedField.js';
import { lazyRarePart } from './lazyComponent';

const slimTemplates: TemplatesType = {
  MultiSchemaFieldTemplate,
  TitleFieldTemplate,
  UnsupportedFieldTemplate,
  ArrayFieldDescriptionTemplate: lazyRarePart('ArrayFieldDescriptionTemplate'),
  ArrayFieldItemTemplate: lazyRarePart('ArrayFieldItemTemplate'),
  ArrayFieldItemButtonsTemplate: lazyRarePart('ArrayFieldItemButtonsTemplate'),
  ArrayFieldTemplate: lazyRarePart('ArrayFieldTemplate'),
  ArrayFieldTitleTemplate: lazyRarePart('ArrayFieldTitleTemplate'),
  ButtonTemplates: {
    SubmitButton: lazyRarePart('SubmitButton'),
    AddButton: lazyRarePart('AddButton'),
    CopyButton: lazyRarePart('CopyButton'),
    MoveDownButton: lazyRarePart('MoveDownButton'),
    MoveUpButton: lazyRarePart('MoveUpButton'),
    RemoveButton: lazyRarePart('RemoveButton'),
    ClearButton: lazyRarePart('ClearButton'),
  },
  BaseInputTemplate: lazyRarePart('BaseInputTemplate'),
  CyclicSchemaExpandTemplate: lazyRarePart('CyclicSchemaExpandTemplate'),
  DescriptionFieldTemplate: lazyRarePart('DescriptionFieldTemplate'),
  ErrorListTemplate: lazyRarePart('ErrorListTemplate'),
  FallbackFieldTemplate: lazyRarePart('FallbackFieldTemplate'),
  FieldTemplate: lazyRarePart('FieldTemplate'),
  FieldErrorTemplate: lazyRarePart('FieldErrorTemplate'),
  FieldHelpTemplate: lazyRarePart('FieldHelpTemplate'),
  GridTemplate: lazyRarePart('GridTemplate'),
  ObjectFieldTemplate: lazyRarePart('ObjectFieldTemplate'),
  OptionalDataControlsTemplate: lazyRarePart('OptionalDataControlsTemplate'),
  WrapIfAdditionalTemplate: lazyRarePart('WrapIfAdditionalTemplate'),
};

/** A fresh object on each call, as @rjsf/core's own; the components are the same ones every time. */
export default function templates(): TemplatesType {
  return { ...slimTemplates, ButtonTemplates: { ...slimTemplates.ButtonTemplates } };
}
