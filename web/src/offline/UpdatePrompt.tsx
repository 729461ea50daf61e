import { useEffect, useState } from 'react';
import { Workbox } from 'workbox-window';
import { useT } from '../i18n/t.ts';

/**
 * Registers the service worker that keeps the app shell on the device, and says when a new version
 * is ready. The new version waits until the person chooses to reload: a visit being charted is
 * never reloaded from under the therapist.
 */
export function UpdatePrompt() {
  const t = useT();
  const [waiting, setWaiting] = useState<Workbox | null>(null);
  useEffect(() => {
    // The development server has no worker to register; the built app does.
    if (!('serviceWorker' in navigator)) return;
    const worker = new Workbox('/sw.js', { scope: '/' });
    worker.addEventListener('waiting', () => setWaiting(worker));
    worker.register().catch(() => undefined);
  }, []);
  if (!waiting) return null;
  const reload = () => {
    waiting.addEventListener('controlling', () => window.location.reload());
    waiting.messageSkipWaiting();
  };
  return (
    <div className="update-prompt" role="status">
      <p>{t('update.ready')}</p>
      <button type="button" className="button" onClick={reload}>
        {t('update.reload')}
      </button>
    </div>
  );
}
