/** react-hook-form plus the staff API's errors: field errors go to their fields, the rest to the form. */
import { useState } from 'react';
import { useForm, type FieldValues, type Path } from 'react-hook-form';
import { ApiError } from '../api';

export function useApiForm<T extends FieldValues>() {
  const form = useForm<T>();
  const [formError, setFormError] = useState<string | null>(null);

  /** Wraps a submit handler: clears old errors, maps an ApiError onto the form. */
  const submit = (handler: (values: T) => Promise<void>) =>
    form.handleSubmit(async (values) => {
      setFormError(null);
      try {
        await handler(values);
      } catch (error) {
        if (!(error instanceof ApiError)) throw error;
        for (const field of error.fields) form.setError(field.pointer.slice(1) as Path<T>, { message: field.message });
        setFormError(error.message);
      }
    });

  return { form, formError, setFormError, submit };
}
