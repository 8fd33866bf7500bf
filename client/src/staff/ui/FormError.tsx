/** The form's overall error, announced to screen readers and focused so keyboard users land on it. */
import { useEffect, useRef } from 'react';

export function FormError({ message }: { message: string | null }) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (message) ref.current?.focus();
  }, [message]);
  if (!message) return null;
  return (
    <div ref={ref} className="form-error" role="alert" tabIndex={-1}>
      {message}
    </div>
  );
}
