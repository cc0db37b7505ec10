import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../api.ts';
import { Layout } from '../components/Layout.tsx';
import { formatInstant } from '../format.ts';
import { useFetch } from '../use-fetch.ts';

interface CheckIn {
  mission: { slug: string; title: string; timezone: string };
  meeting: {
    status: string;
    startsAt: string | null;
    endsAt: string | null;
    table: string | null;
    organizations: string[];
  };
}

/** Opened by the QR code of a table sheet: who meets here, and one tap to record it. */
export function CheckInPage({ code }: { code: string }) {
  const { t, i18n } = useTranslation();
  const { data, error, reload } = useFetch<CheckIn>(`/check-in/${code}`);
  const [saved, setSaved] = useState<string | null>(null);
  const mark = async (status: 'held' | 'no_show') => {
    await api('POST', `/check-in/${code}`, { status });
    setSaved(status);
    reload();
  };
  return (
    <Layout>
      {error && <p className="error">{error.message}</p>}
      {data && (
        <section className="card check-in">
          <p className="eyebrow">{data.mission.title}</p>
          <h1>{data.meeting.organizations.join(' · ')}</h1>
          <p>
            {data.meeting.startsAt &&
              formatInstant(data.meeting.startsAt, i18n.language, data.mission.timezone)}
            {data.meeting.table && ` · ${t('tableName', { name: data.meeting.table })}`}
          </p>
          <p className="badge">{t(`meeting_${data.meeting.status}`)}</p>
          <div className="people-actions">
            <button type="button" className="primary" onClick={() => mark('held')}>
              {t('markHeld')}
            </button>
            <button type="button" onClick={() => mark('no_show')}>
              {t('markNoShow')}
            </button>
          </div>
          {saved && (
            <p className="notice" role="status">
              {t('attendanceSaved')}
            </p>
          )}
        </section>
      )}
    </Layout>
  );
}
