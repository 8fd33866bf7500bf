/**
 * The @rjsf/core widgets and fields the resident form seldom or never renders, in one chunk fetched the first
 * time any of them renders (see widgets.ts and fields.ts). One chunk rather than one per part: the bundler
 * would otherwise split the RJSF helpers they share with the form into several small chunks of their own.
 */
export { default as AltDateWidget } from '@rjsf/core/lib/components/widgets/AltDateWidget.js';
export { default as AltDateTimeWidget } from '@rjsf/core/lib/components/widgets/AltDateTimeWidget.js';
export { default as CheckboxWidget } from '@rjsf/core/lib/components/widgets/CheckboxWidget.js';
export { default as CheckboxesWidget } from '@rjsf/core/lib/components/widgets/CheckboxesWidget.js';
export { default as ColorWidget } from '@rjsf/core/lib/components/widgets/ColorWidget.js';
export { default as DateWidget } from '@rjsf/core/lib/components/widgets/DateWidget.js';
export { default as DateTimeWidget } from '@rjsf/core/lib/components/widgets/DateTimeWidget.js';
export { default as EmailWidget } from '@rjsf/core/lib/components/widgets/EmailWidget.js';
export { default as FileWidget } from '@rjsf/core/lib/components/widgets/FileWidget.js';
export { default as PasswordWidget } from '@rjsf/core/lib/components/widgets/PasswordWidget.js';
export { default as RadioWidget } from '@rjsf/core/lib/components/widgets/RadioWidget.js';
export { default as RangeWidget } from '@rjsf/core/lib/components/widgets/RangeWidget.js';
export { default as RatingWidget } from '@rjsf/core/lib/components/widgets/RatingWidget.js';
export { default as SelectWidget } from '@rjsf/core/lib/components/widgets/SelectWidget.js';
export { default as TextareaWidget } from '@rjsf/core/lib/components/widgets/TextareaWidget.js';
export { default as TimeWidget } from '@rjsf/core/lib/components/widgets/TimeWidget.js';
export { default as UpDownWidget } from '@rjsf/core/lib/components/widgets/UpDownWidget.js';
export { default as URLWidget } from '@rjsf/core/lib/components/widgets/URLWidget.js';
export { default as CyclicSchemaField } from '@rjsf/core/lib/components/fields/CyclicSchemaField.js';
export { default as FallbackField } from '@rjsf/core/lib/components/fields/FallbackField.js';
export { default as LayoutGridField } from '@rjsf/core/lib/components/fields/LayoutGridField.js';
export { default as LayoutHeaderField } from '@rjsf/core/lib/components/fields/LayoutHeaderField.js';
export { default as LayoutMultiSchemaField } from '@rjsf/core/lib/components/fields/LayoutMultiSchemaField.js';
export { default as ArrayFieldDescriptionTemplate } from '@rjsf/core/lib/components/templates/ArrayFieldDescriptionTemplate.js';
export { default as ArrayFieldItemButtonsTemplate } from '@rjsf/core/lib/components/templates/ArrayFieldItemButtonsTemplate.js';
export { default as ArrayFieldItemTemplate } from '@rjsf/core/lib/components/templates/ArrayFieldItemTemplate.js';
export { default as ArrayFieldTemplate } from '@rjsf/core/lib/components/templates/ArrayFieldTemplate.js';
export { default as ArrayFieldTitleTemplate } from '@rjsf/core/lib/components/templates/ArrayFieldTitleTemplate.js';
export { default as BaseInputTemplate } from '@rjsf/core/lib/components/templates/BaseInputTemplate.js';
export { default as CyclicSchemaExpandTemplate } from '@rjsf/core/lib/components/templates/CyclicSchemaExpandTemplate.js';
export { default as DescriptionFieldTemplate } from '@rjsf/core/lib/components/templates/DescriptionField.js';
export { default as ErrorListTemplate } from '@rjsf/core/lib/components/templates/ErrorList.js';
export { default as FallbackFieldTemplate } from '@rjsf/core/lib/components/templates/FallbackFieldTemplate.js';
export { default as FieldErrorTemplate } from '@rjsf/core/lib/components/templates/FieldErrorTemplate.js';
export { default as FieldHelpTemplate } from '@rjsf/core/lib/components/templates/FieldHelpTemplate.js';
export { default as FieldTemplate } from '@rjsf/core/lib/components/templates/FieldTemplate/index.js';
export { default as GridTemplate } from '@rjsf/core/lib/components/templates/GridTemplate.js';
export { default as ObjectFieldTemplate } from '@rjsf/core/lib/components/templates/ObjectFieldTemplate.js';
export { default as OptionalDataControlsTemplate } from '@rjsf/core/lib/components/templates/OptionalDataControlsTemplate.js';
export { default as WrapIfAdditionalTemplate } from '@rjsf/core/lib/components/templates/WrapIfAdditionalTemplate.js';
export { default as AddButton } from '@rjsf/core/lib/components/templates/ButtonTemplates/AddButton.js';
export { default as SubmitButton } from '@rjsf/core/lib/components/templates/ButtonTemplates/SubmitButton.js';
export { ClearButton, CopyButton, MoveDownButton, MoveUpButton, RemoveButton } from '@rjsf/core/lib/components/templates/ButtonTemplates/IconButton.js';
