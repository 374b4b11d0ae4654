/**
 * A confirmation before a final or destructive action: a modal <dialog> (the browser moves focus into it, keeps it
 * there and closes it on Escape); focus goes back to the button that opened it when it closes either way.
 */
import { useEffect, useId, useRef } from 'react';
import { useApp } from './context.ts';

export interface ConfirmRequest {
  title: string;
  body: string;
  confirmLabel: string;
  danger?: boolean;
}

export function ConfirmDialog({ request, onConfirm, onCancel }: { request: ConfirmRequest | undefined; onConfirm: () => void; onCancel: () => void }) {
  const { t } = useApp();
  const ids = useId();
  const dialog = useRef<HTMLDialogElement>(null);
  const opener = useRef<HTMLElement | null>(null);
  const cancelButton = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    const d = dialog.current;
    if (!d) return;
    if (request && !d.open) {
      opener.current = document.activeElement instanceof HTMLElement ? document.activeElement : null;
      d.showModal();
      // the safe choice first: Enter on an unread dialog must not reject or withdraw anything
      cancelButton.current?.focus();
    } else if (!request && d.open) d.close();
  }, [request]);
  // Escape (the dialog's cancel event) and the buttons all end in `close`: return focus there
  useEffect(() => {
    const d = dialog.current;
    if (!d) return;
    const onClose = () => {
      opener.current?.focus();
      opener.current = null;
    };
    const onCancelEvent = (event: Event) => {
      event.preventDefault();
      onCancel();
    };
    d.addEventListener('close', onClose);
    d.addEventListener('cancel', onCancelEvent);
    return () => {
      d.removeEventListener('close', onClose);
      d.removeEventListener('cancel', onCancelEvent);
    };
  }, [onCancel]);
  return (
    <dialog ref={dialog} className="confirm-dialog" aria-labelledby={`${ids}-title`} aria-describedby={`${ids}-body`} data-testid="confirm-dialog">
      {request && (
        <>
          <h2 id={`${ids}-title`}>{request.title}</h2>
          <p id={`${ids}-body`}>{request.body}</p>
          <div className="button-row">
            <button type="button" className={`btn ${request.danger ? 'btn-danger-solid' : 'btn-primary'}`} onClick={onConfirm} data-testid="confirm-yes">
              {request.confirmLabel}
            </button>
            <button type="button" className="btn" ref={cancelButton} onClick={onCancel} data-testid="confirm-cancel">
              {t.cancel}
            </button>
          </div>
        </>
      )}
    </dialog>
  );
}
