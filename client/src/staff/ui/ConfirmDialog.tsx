/**
 * Asks before an action that is hard to take back (retiring a procedure,
 * deleting a field) and says what follows. A native modal <dialog>: focus
 * moves into it and returns, Escape cancels, the page behind cannot be used.
 *
 * ```tsx
 * const [confirmDialog, confirm] = useConfirm();
 * if (await confirm({ title, body, action: '公開を終了する' })) …
 * ```
 */
import { useCallback, useEffect, useId, useRef, useState, type ReactNode } from 'react';

export interface ConfirmRequest {
  title: string;
  /** What follows from the action, in plain words. */
  body: ReactNode;
  /** The button that goes ahead, named after the action. */
  action: string;
  cancel?: string;
}

export function useConfirm(): [ReactNode, (request: ConfirmRequest) => Promise<boolean>] {
  const [request, setRequest] = useState<(ConfirmRequest & { resolve: (ok: boolean) => void }) | null>(null);
  const confirm = useCallback((r: ConfirmRequest) => new Promise<boolean>((resolve) => setRequest({ ...r, resolve })), []);
  const close = useCallback(
    (ok: boolean) => {
      request?.resolve(ok);
      setRequest(null);
    },
    [request],
  );
  return [request ? <ConfirmDialog request={request} onClose={close} /> : null, confirm];
}

function ConfirmDialog({ request, onClose }: { request: ConfirmRequest; onClose: (ok: boolean) => void }) {
  const ref = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  const bodyId = useId();
  useEffect(() => {
    const dialog = ref.current;
    if (dialog && !dialog.open) dialog.showModal();
  }, []);
  return (
    <dialog
      ref={ref}
      className="confirm-dialog"
      role="alertdialog"
      aria-modal="true"
      aria-labelledby={titleId}
      aria-describedby={bodyId}
      onCancel={(e) => {
        e.preventDefault();
        onClose(false);
      }}
    >
      <h2 id={titleId}>{request.title}</h2>
      <div id={bodyId}>{request.body}</div>
      <div className="confirm-dialog__actions">
        {/* The safe choice first and focused: Enter does not destroy anything by accident. */}
        <button type="button" className="button" autoFocus onClick={() => onClose(false)}>
          {request.cancel ?? 'やめる'}
        </button>
        <button type="button" className="button button--danger" onClick={() => onClose(true)}>
          {request.action}
        </button>
      </div>
    </dialog>
  );
}
