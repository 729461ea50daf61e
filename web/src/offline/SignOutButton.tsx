import { useEffect, useRef, useState, useSyncExternalStore } from 'react';
import { useT } from '../i18n/t.ts';
import { subscribe, tabletState } from './tablet.ts';
import './tablet.css';

/**
 * Sign-out wipes what the tablet keeps, the changes it has not sent included. With changes waiting
 * it asks first; staying signed in is the answer a stray tap gets.
 */
export function SignOutButton({ className, onSignOut }: { className: string; onSignOut: () => void }) {
  const t = useT();
  const unsent = useSyncExternalStore(subscribe, tabletState).outbox.length;
  const [asking, setAsking] = useState(false);
  const dialog = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    if (asking) dialog.current?.showModal();
  }, [asking]);
  const stay = () => {
    dialog.current?.close();
    setAsking(false);
  };
  return (
    <>
      <button type="button" className={className} onClick={() => (unsent > 0 ? setAsking(true) : onSignOut())}>
        {t('chrome.signOut')}
      </button>
      {asking ? (
        <dialog
          ref={dialog}
          className="sign-out-warning"
          aria-labelledby="sign-out-warning-title"
          aria-describedby="sign-out-warning-body"
          onCancel={stay}
        >
          <h2 id="sign-out-warning-title" className="tablet-title">
            {t('signOutUnsent.title')}
          </h2>
          <p id="sign-out-warning-body">{t('signOutUnsent.body', { count: unsent })}</p>
          <div className="button-row">
            <button type="button" className="button" autoFocus onClick={stay}>
              {t('signOutUnsent.stay')}
            </button>
            <button
              type="button"
              className="button button-secondary"
              onClick={() => {
                stay();
                onSignOut();
              }}
            >
              {t('signOutUnsent.confirm')}
            </button>
          </div>
        </dialog>
      ) : null}
    </>
  );
}
