import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, type Mission } from '../api.ts';
import { AgendaList } from '../components/AgendaList.tsx';
import { AvailabilityEditor } from '../components/AvailabilityEditor.tsx';
import { Layout, MissionNav } from '../components/Layout.tsx';
import type { Agenda, AgendaEntry, MeetingRequest } from '../meetings-api.ts';
import { useSession } from '../session.tsx';
import { useFetch } from '../use-fetch.ts';

function RequestItem({ r, slug, onChange }: { r: MeetingRequest; slug: string; onChange(): void }) {
  const { t } = useTranslation();
  const [declining, setDeclining] = useState(false);
  const [reason, setReason] = useState('');
  const [error, setError] = useState<string | null>(null);
  const other = r.direction === 'incoming' ? r.requester : r.recipient;
  const act = async (path: string, body?: unknown) => {
    setError(null);
    try {
      await api('POST', `/missions/${slug}/requests/${r.id}/${path}`, body);
      onChange();
    } catch (e) {
      setError((e as Error).message);
    }
  };
  return (
    <li className="card request" data-testid={`request-${r.direction}`}>
      <div className="rec-head">
        <strong>{other.name}</strong>
        <span className="muted">{other.organization}</span>
        <span className={`badge status-${r.status}`}>{t(`request_${r.status}`)}</span>
      </div>
      {r.message && <p className="message">« {r.message} »</p>}
      {r.declineReason && <p className="muted">{t('declineReasonShown', { reason: r.declineReason })}</p>}
      {r.status === 'pending' && r.direction === 'incoming' && !declining && (
        <div className="people-actions">
          <button type="button" className="primary" onClick={() => act('accept')}>
            {t('accept')}
          </button>
          <button type="button" onClick={() => setDeclining(true)}>
            {t('decline')}
          </button>
        </div>
      )}
      {declining && (
        <form
          className="request-form"
          onSubmit={(e) => {
            e.preventDefault();
            void act('decline', reason ? { reason } : {});
          }}
        >
          <label>
            {t('declineReason')}
            <input value={reason} maxLength={500} onChange={(e) => setReason(e.target.value)} />
          </label>
          <button type="submit">{t('decline')}</button>
        </form>
      )}
      {r.direction === 'incoming' && (
        <button
          type="button"
          className="small"
          onClick={async () => {
            await api('PUT', `/missions/${slug}/blocks/${r.requester.personId}`);
            onChange();
          }}
        >
          {t('block')}
        </button>
      )}
      {r.status === 'pending' && r.direction === 'outgoing' && (
        <button type="button" onClick={() => act('withdraw')}>
          {t('withdraw')}
        </button>
      )}
      {error && <p className="error">{error}</p>}
    </li>
  );
}

function CalendarLinks({ slug, personId }: { slug: string; personId: string }) {
  const { t } = useTranslation();
  const [feed, setFeed] = useState<string | null>(null);
  const base = `/api/v1/missions/${slug}/people/${personId}/agenda`;
  return (
    <div className="calendar-links">
      <a className="button" href={`${base}?format=ics`} download data-testid="download-ics">
        {t('downloadIcs')}
      </a>
      <a className="button" href={`${base}?format=pdf`} download>
        {t('downloadPdf')}
      </a>
      <button
        type="button"
        onClick={async () =>
          setFeed((await api<{ url: string }>('POST', `/missions/${slug}/agenda/feed`)).url)
        }
      >
        {t('subscribe')}
      </button>
      {feed && (
        <p className="notice" role="status">
          {t('subscribeUrl')} <code>{feed}</code>
        </p>
      )}
    </div>
  );
}

function NotificationSetting({ slug }: { slug: string }) {
  const { t } = useTranslation();
  const [mode, setMode] = useState<string | null>(null);
  return (
    <label className="inline">
      {t('notifications')}{' '}
      <select
        value={mode ?? ''}
        onChange={async (e) => {
          const next = e.target.value;
          await api('PUT', `/missions/${slug}/me/notifications`, { mode: next });
          setMode(next);
        }}
      >
        <option value="" disabled>
          {t('notificationsChoose')}
        </option>
        <option value="immediate">{t('notify_immediate')}</option>
        <option value="daily">{t('notify_daily')}</option>
        <option value="off">{t('notify_off')}</option>
      </select>
    </label>
  );
}

export function MeetingsPage({ slug }: { slug: string }) {
  const { t } = useTranslation();
  const { user } = useSession();
  const requests = useFetch<{ items: MeetingRequest[] }>(`/missions/${slug}/requests`);
  const personId = user?.personId ?? null;
  const agenda = useFetch<Agenda>(personId ? `/missions/${slug}/people/${personId}/agenda` : null);
  const mission = useFetch<{ mission: Mission }>(`/missions/${slug}`).data?.mission;
  const reload = () => {
    requests.reload();
    agenda.reload();
  };
  const mark = async (id: string, status: 'held' | 'no_show') => {
    await api('POST', `/missions/${slug}/meetings/${id}/attendance`, { status });
    agenda.reload();
  };
  const attendance = (e: AgendaEntry) =>
    e.kind === 'meeting' && e.status === 'scheduled' && Date.parse(e.startsAt) <= Date.now() ? (
      <span className="attendance">
        <button type="button" className="small" onClick={() => mark(e.id, 'held')}>
          {t('markHeld')}
        </button>
        <button type="button" className="small" onClick={() => mark(e.id, 'no_show')}>
          {t('markNoShow')}
        </button>
      </span>
    ) : null;
  const items = requests.data?.items ?? [];
  const incoming = items.filter((r) => r.direction === 'incoming');
  const outgoing = items.filter((r) => r.direction === 'outgoing');
  return (
    <Layout nav={<MissionNav slug={slug} active="meetings" />}>
      <header className="hero">
        <h1>{t('myAgenda')}</h1>
        {agenda.data && <p className="muted">{t('timesAt', { tz: agenda.data.mission.timezone })}</p>}
        {personId && <CalendarLinks slug={slug} personId={personId} />}
        <NotificationSetting slug={slug} />
        {user?.organizationId && (
          <p>
            <a
              href={`/api/v1/missions/${slug}/organizations/${user.organizationId}/agenda?format=pdf`}
              download
            >
              {t('orgAgenda')}
            </a>
          </p>
        )}
      </header>
      {personId && mission && (
        <AvailabilityEditor
          slug={slug}
          personId={personId}
          startsOn={mission.startsOn}
          endsOn={mission.endsOn}
          timeZone={mission.timezone}
        />
      )}
      {agenda.error && <p className="error">{agenda.error.message}</p>}
      {agenda.data && (
        <AgendaList
          entries={agenda.data.entries}
          timeZone={agenda.data.mission.timezone}
          viewerPersonId={personId ?? undefined}
          actions={attendance}
        />
      )}
      <div className="two-columns">
        <section>
          <h2>{t('incomingRequests')}</h2>
          {incoming.length === 0 && <p className="muted">{t('none')}</p>}
          <ul className="plain">
            {incoming.map((r) => (
              <RequestItem key={r.id} r={r} slug={slug} onChange={reload} />
            ))}
          </ul>
        </section>
        <section>
          <h2>{t('outgoingRequests')}</h2>
          {outgoing.length === 0 && <p className="muted">{t('none')}</p>}
          <ul className="plain">
            {outgoing.map((r) => (
              <RequestItem key={r.id} r={r} slug={slug} onChange={reload} />
            ))}
          </ul>
        </section>
      </div>
    </Layout>
  );
}
