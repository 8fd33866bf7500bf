/**
 * RJSF's field registry as the browser gets it (client/vite.config.ts `rjsfSlimRegistry`): every field
 * @rjsf/core offers, under the same names; the layout-grid fields (only for a `ui:field` that asks for them)
 * and the fallbacks for unusual schemas (no type, cycles) are fetched the first time one renders.
 * tests/client/rjsf-slim-registry.test.ts checks the names against @rjsf/core's.
 */
import type { RegistryFieldsType } from '@rjsf/utils';
import ArrayField from '@rjsf/core/lib/components/fields/ArrayField.js';
import BooleanField from '@rjsf/core/lib/components/fields/BooleanField.js';
import MultiSchemaField from '@rjsf/core/lib/components/fields/MultiSchemaField.js';
import NullField from '@rjsf/core/lib/components/fields/NullField.js';
import NumberField from '@rjsf/core/lib/components/fields/NumberField.js';
import ObjectField from '@rjsf/core/lib/components/fields/ObjectField.js';
import OptionalDataControlsField from '@rjsf/core/lib/components/fields/OptionalDataControlsField.js';
import SchemaField from '@rjsf/core/lib/components/fields/SchemaField.js';
import StringField from '@rjsf/core/lib/components/fields/StringField.js';
import { lazyRarePart } from './lazyComponent';

const slimFields: RegistryFieldsType = {
  AnyOfField: MultiSchemaField,
  ArrayField,
  BooleanField,
  NumberField,
  ObjectField,
  OneOfField: MultiSchemaField,
  OptionalDataControlsField,
  SchemaField,
  StringField,
  NullField,
  CyclicSchemaField: lazyRarePart('CyclicSchemaField'),
  FallbackField: lazyRarePart('FallbackField'),
  LayoutGridField: lazyRarePart('LayoutGridField'),
  LayoutHeaderField: lazyRarePart('LayoutHeaderField'),
  LayoutMultiSchemaField: lazyRarePart('LayoutMultiSchemaField'),
};

/** A fresh object on each call, as @rjsf/core's own; the components are the same ones every time. */
export default function fields(): RegistryFieldsType {
  return { ...slimFields };
}
