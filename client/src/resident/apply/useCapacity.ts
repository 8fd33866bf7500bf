/**
 * The places left per option of a form's fields with a capacity (issue #22), fetched when the form
 * opens, at each step and after intake said an option is full. Forms without a capacity fetch nothing.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import type { CapacityAvailability, JsonSchema } from '@madoguchi/shared';
import { getCapacity } from '../../common/api/residentApi';
import type { Language } from '../../common/i18n/LanguageContext';
import { hasCapacity } from '../form/capacity';

export function useCapacity(municipalityCode: string, procedureId: string, schema: JsonSchema, language: Language) {
  const [capacity, setCapacity] = useState<CapacityAvailability>();
  const limited = useRef(hasCapacity(schema));
  const refreshCapacity = useCallback(() => {
    if (!limited.current) return;
    // A failed count leaves the options as they were: intake is the judge anyway.
    getCapacity(municipalityCode, procedureId, language).then(setCapacity, () => undefined);
  }, [municipalityCode, procedureId, language]);
  useEffect(refreshCapacity, [refreshCapacity]);
  return { capacity, refreshCapacity };
}
