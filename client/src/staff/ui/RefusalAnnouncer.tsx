/**
 * The one place a refused or failed action reaches the clerk when the code
 * that started it did not show it itself: any request error nobody handled
 * (an unhandled promise rejection carrying the server's message, e.g. a 403
 * 「この操作を行う権限がありません」) appears here, announced as an alert.
 * Nothing fails silently.
 */
import { useEffect, useState } from 'react';
import { useStaffText } from '../i18n';

export function RefusalAnnouncer() {
  const t = useStaffText();
  const [message, setMessage] = useState<string | null>(null);
  useEffect(() => {
    const onRejection = (event: PromiseRejectionEvent) => {
      const reason = event.reason as { message?: unknown } | undefined;
      if (!reason || typeof reason.message !== 'string') return;
      event.preventDefault(); // shown here; not also a console error
      setMessage(reason.message);
    };
    window.addEventListener('unhandledrejection', onRejection);
    return () => window.removeEventListener('unhandledrejection', onRejection);
  }, []);
  if (!message) return null;
  return (
    <div className="notice notice--error refusal" role="alert">
      <p>{message}</p>
      <button type="button" className="button button--small" onClick={() => setMessage(null)}>
        {t('refusal.close')}
      </button>
    </div>
  );
}
