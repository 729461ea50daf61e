import { useIntl } from 'react-intl';
import { recordUrl } from '../api/records.ts';
import { useT } from '../i18n/t.ts';

/** "Download my record": the patient's own record as a PDF in the page's language, or as data for another app. */
export function RecordDownload({ patientId }: { patientId: string }) {
  const t = useT();
  const lang = useIntl().locale.startsWith('es') ? 'es' : 'en';
  return (
    <section className="card" aria-labelledby="record-download-heading">
      <h2 id="record-download-heading">{t('record.title')}</h2>
      <p>{t('record.hint')}</p>
      <div className="button-row">
        <a className="button" href={recordUrl(patientId, 'pdf', lang)} download>
          {t('record.pdf')}
        </a>
        <a className="button button-secondary" href={recordUrl(patientId, 'json', lang)} download>
          {t('record.json')}
        </a>
      </div>
    </section>
  );
}
