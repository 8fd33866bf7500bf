/**
 * RJSF's ObjectField, plus two things for the shared blocks: in an `address`
 * block the postal code widget may fill 都道府県・市区町村・町域, and in a
 * `personName` block the IME's reading fills the フリガナ (see furigana.ts).
 */
import { createContext, useContext, useMemo, useRef, type CompositionEvent, type FocusEvent } from 'react';
import type { FieldProps, RJSFSchema } from '@rjsf/utils';
import { getDefaultRegistry } from '@rjsf/core';
import type { PostalAddress } from '../../common/postal/lookupAddress';
import { isAddressSchema, isPersonNameSchema } from './schemaKinds';
import { READING_OF, ReadingCollector } from './furigana';

/** Fills the enclosing address block; returns what it wrote, or null outside an address block. */
export type AddressFiller = (address: PostalAddress) => void;

const AddressFillContext = createContext<AddressFiller | null>(null);

/** The filler of the address block around a widget (null when there is none). */
export const useAddressFiller = () => useContext(AddressFillContext);

const CoreObjectField = getDefaultRegistry().fields.ObjectField!;

type Address = Record<string, unknown>;

/** The name property an input belongs to (`root_applicant_name_familyName` → `familyName`). */
const nameKeyOf = (target: EventTarget) => {
  const id = (target as HTMLElement).id ?? '';
  return Object.keys(READING_OF).find((key) => id.endsWith(`_${key}`));
};

/** A personName block: the IME's readings fill the empty (or auto-filled) フリガナ fields. */
function PersonNameField(props: FieldProps) {
  const latest = useRef<Record<string, unknown>>({});
  latest.current = (props.formData ?? {}) as Record<string, unknown>;
  const collectors = useRef<Record<string, ReadingCollector>>({});
  const filled = useRef<Record<string, string>>({});
  const collector = (key: string) => (collectors.current[key] ??= new ReadingCollector());
  const onCompositionUpdate = (e: CompositionEvent) => {
    const key = nameKeyOf(e.target);
    if (key) collector(key).update(e.data);
  };
  const onCompositionEnd = (e: CompositionEvent) => {
    const key = nameKeyOf(e.target);
    if (key) collector(key).end();
  };
  // On leaving 氏 or 名, offer the reading unless the resident wrote their own.
  const onBlur = (e: FocusEvent) => {
    const key = nameKeyOf(e.target);
    if (!key) return;
    const current = latest.current;
    if (!current[key]) collector(key).reset();
    const reading = collector(key).reading();
    const kanaKey = READING_OF[key]!;
    const existing = typeof current[kanaKey] === 'string' ? (current[kanaKey] as string) : '';
    if (reading && (existing === '' || existing === filled.current[kanaKey]) && reading !== existing) {
      filled.current[kanaKey] = reading;
      props.onChange({ ...current, [kanaKey]: reading }, props.fieldPathId.path);
    }
  };
  return (
    <div onCompositionUpdate={onCompositionUpdate} onCompositionEnd={onCompositionEnd} onBlur={onBlur}>
      <CoreObjectField {...props} />
    </div>
  );
}

export function ResidentObjectField(props: FieldProps) {
  if (isPersonNameSchema(props.schema as RJSFSchema)) return <PersonNameField {...props} />;
  return <AddressAwareObjectField {...props} />;
}

function AddressAwareObjectField(props: FieldProps) {
  const latest = useRef<Address>({});
  latest.current = (props.formData ?? {}) as Address;
  // The town we filled last time: replaced on a new lookup, but never what the resident typed.
  const autoTown = useRef<string | undefined>(undefined);
  const { onChange, fieldPathId } = props;
  const isAddress = isAddressSchema(props.schema as RJSFSchema);
  const filler = useMemo<AddressFiller | null>(
    () =>
      isAddress
        ? (found) => {
            const current = latest.current;
            const street = typeof current.street === 'string' ? current.street : '';
            const next: Address = { ...current, prefecture: found.prefecture, city: found.city };
            if (street === '' || street === autoTown.current) {
              next.street = found.town === '' ? undefined : found.town;
              autoTown.current = found.town;
            }
            onChange(next, fieldPathId.path);
          }
        : null,
    [isAddress, onChange, fieldPathId],
  );
  if (!filler) return <CoreObjectField {...props} />;
  return (
    <AddressFillContext.Provider value={filler}>
      <CoreObjectField {...props} />
    </AddressFillContext.Provider>
  );
}
