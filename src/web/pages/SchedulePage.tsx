import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../api.ts';
import { Layout, MissionNav } from '../components/Layout.tsx';
import { MatchingSettingsForm, NewMeetingForm, SessionForm } from '../components/OrganizerForms.tsx';
import { ScheduleGrid } from '../components/ScheduleGrid.tsx';
import { formatInstant, formatSlot } from '../format.ts';
import type { Meeting, Run, Session } from '../meetings-api.ts';
import { useFetch } from '../use-fetch.ts';

function Figures({ run }: { run: Run }) {
  const { t } = useTranslation();
  const f = run.figures;
  if (!f) return null;
  return (
    <dl className="figures" data-testid="run-figures">
      <div>
        <dt>{t('scheduledMeetings')}</dt>
        <dd>
          {f.scheduled ?? '–'} / {f.meetings ?? '–'}
        </dd>
      </div>
      <div>
        <dt>{t('unscheduledMeetings')}</dt>
        <dd>{f.unscheduled ?? '–'}</dd>
      </div>
      <div>
        <dt>{t('breaks')}</dt>
        <dd>{f.breaks ?? '–'}</dd>
      </div>
      <div>
        <dt>{t('lowerBound')}</dt>
        <dd>{f.lowerBound}</dd>
      </div>
      <div>
        <dt>{t('moved')}</dt>
        <dd>{f.moved ?? '–'}</dd>
      </div>
      <div>
        <dt>{t('solverStatus')}</dt>
        <dd>{f.solverStatus ? t(`solver_${f.solverStatus}`) : '–'}</dd>
      </div>
    </dl>
  );
}

function MoveForm({
  slug,
  meeting,
  session,
  onDone,
}: {
  slug: string;
  meeting: Meeting;
  session: Session;
  onDone(): void;
}) {
  const { t, i18n } = useTranslation();
  const [slot, setSlot] = useState(String(meeting.slotIndex ?? 0));
  const [table, setTable] = useState(meeting.table?.id ?? session.tables[0]?.id ?? '');
  const [error, setError] = useState<string | null>(null);
  return (
    <form
      className="move-form"
      onSubmit={async (e) => {
        e.preventDefault();
        setError(null);
        try {
          await api('PUT', `/missions/${slug}/meetings/${meeting.id}/placement`, {
            slotIndex: Number(slot),
            tableId: table,
          });
          onDone();
        } catch (err) {
          setError((err as Error).message);
        }
      }}
    >
      <select name="slot" value={slot} onChange={(e) => setSlot(e.target.value)} aria-label={t('time')}>
        {session.slots.map((s) => (
          <option key={s.index} value={s.index}>
            {formatSlot(s, i18n.language)}
          </option>
        ))}
      </select>
      <select name="table" value={table} onChange={(e) => setTable(e.target.value)} aria-label={t('table')}>
        {session.tables.map((tb) => (
          <option key={tb.id} value={tb.id}>
            {t('tableName', { name: tb.name })}
          </option>
        ))}
      </select>
      <button type="submit" className="small primary">
        {t('move')}
      </button>
      {error && <span className="error">{error}</span>}
    </form>
  );
}

export function SchedulePage({ slug }: { slug: string }) {
  const { t, i18n } = useTranslation();
  const sessions = useFetch<{ items: Session[] }>(`/missions/${slug}/sessions`);
  const [sessionId, setSessionId] = useState<string | null>(null);
  const session = sessions.data?.items.find((s) => s.id === sessionId) ?? sessions.data?.items[0];
  const meetings = useFetch<{ items: Meeting[] }>(`/missions/${slug}/meetings`);
  const runs = useFetch<{ items: Run[] }>(session ? `/missions/${slug}/sessions/${session.id}/runs` : null);
  const [run, setRun] = useState<Run | null>(null);
  const [seconds, setSeconds] = useState('10');
  const [error, setError] = useState<string | null>(null);
  const [moving, setMoving] = useState<string | null>(null);
  const [addingSession, setAddingSession] = useState(false);
  const runPath = (id: string) => `/missions/${slug}/sessions/${session?.id}/runs/${id}`;

  useEffect(() => {
    if (run?.status !== 'running') return;
    const timer = setTimeout(async () => setRun(await api<Run>('GET', runPath(run.id))), 500);
    return () => clearTimeout(timer);
  });

  if (sessions.error)
    return (
      <Layout nav={<MissionNav slug={slug} active="schedule" />}>
        {<p className="error">{sessions.error.message}</p>}
      </Layout>
    );
  const byId = new Map((meetings.data?.items ?? []).map((m) => [m.id, m]));
  const inSession = (meetings.data?.items ?? []).filter((m) => m.sessionId === session?.id);
  const published = inSession
    .filter((m) => m.slotIndex !== null && ['scheduled', 'held', 'no_show'].includes(m.status))
    .sort(
      (a, b) =>
        (a.slotIndex ?? 0) - (b.slotIndex ?? 0) ||
        (a.table?.name ?? '').localeCompare(b.table?.name ?? '', undefined, { numeric: true }),
    );
  const open = inSession.filter((m) => m.status === 'unscheduled' || m.status === 'scheduled');

  const start = async () => {
    setError(null);
    try {
      setRun(
        await api<Run>('POST', `/missions/${slug}/sessions/${session!.id}/runs`, {
          timeLimitSeconds: Number(seconds),
        }),
      );
    } catch (e) {
      setError((e as Error).message);
    }
  };
  const publish = async () => {
    setError(null);
    try {
      await api('POST', `${runPath(run!.id)}/publish`);
      setRun({ ...run!, status: 'published' });
      meetings.reload();
      runs.reload();
    } catch (e) {
      setError((e as Error).message);
    }
  };

  return (
    <Layout nav={<MissionNav slug={slug} active="schedule" />}>
      <header className="hero">
        <h1>{t('schedule')}</h1>
        {sessions.data && sessions.data.items.length > 1 && (
          <select
            value={session?.id}
            onChange={(e) => setSessionId(e.target.value)}
            aria-label={t('session')}
          >
            {sessions.data.items.map((s) => (
              <option key={s.id} value={s.id}>
                {s.title}
              </option>
            ))}
          </select>
        )}
        {session && (
          <p className="muted">
            {session.title} ·{' '}
            {t('sessionSummary', {
              days: session.days.length,
              slots: session.slots.length,
              tables: session.tables.length,
              minutes: session.slotMinutes,
            })}{' '}
            ·{' '}
            <a href={`/api/v1/missions/${slug}/table-sheets?lang=${i18n.language}`} download>
              {t('tableSheets')}
            </a>
          </p>
        )}
        {sessions.data?.items.length === 0 && <p className="muted">{t('noSession')}</p>}
      </header>

      {session && (
        <section className="card">
          <h2>{t('runScheduler')}</h2>
          <p className="muted">{t('openMeetings', { count: open.length })}</p>
          <div className="run-controls">
            <label className="inline">
              {t('timeLimit')}{' '}
              <input
                type="number"
                min={1}
                max={300}
                value={seconds}
                onChange={(e) => setSeconds(e.target.value)}
              />
            </label>
            <button type="button" className="primary" onClick={start} disabled={run?.status === 'running'}>
              {t('runScheduler')}
            </button>
          </div>
          {run?.status === 'running' && <progress max={1} value={run.progress} aria-label={t('running')} />}
          {run && run.status !== 'running' && (
            <>
              <p role="status" data-testid="run-status">
                {t(`run_${run.status}`)} {run.error}
              </p>
              <Figures run={run} />
              {(run.unscheduled?.length ?? 0) > 0 && (
                <ul className="items">
                  {run.unscheduled!.map((u) => (
                    <li key={u.meetingId}>
                      {[
                        ...new Set(byId.get(u.meetingId)?.participants.map((p) => p.organization) ?? []),
                      ].join(' · ')}{' '}
                      — {u.reason}
                    </li>
                  ))}
                </ul>
              )}
              {run.status === 'done' && (
                <button type="button" className="primary" onClick={publish}>
                  {t('publish')}
                </button>
              )}
              {run.assignments && <h3>{t('preview')}</h3>}
              {run.assignments && (
                <ScheduleGrid session={session} placements={run.assignments} meetings={byId} />
              )}
            </>
          )}
          {error && (
            <p className="error" role="alert">
              {error}
            </p>
          )}
          {runs.data && runs.data.items.length > 0 && (
            <p className="muted small">
              {t('lastRuns')}:{' '}
              {runs.data.items
                .slice(0, 3)
                .map(
                  (r) =>
                    `${formatInstant(r.createdAt, i18n.language, session.timezone)} ${t(`runShort_${r.status}`)}`,
                )
                .join(' · ')}
            </p>
          )}
        </section>
      )}

      {session && published.length > 0 && (
        <section className="card">
          <h2>{t('publishedMeetings', { count: published.length })}</h2>
          <ul className="plain published">
            {published.map((m) => (
              <li key={m.id} data-testid="published-meeting">
                <span>
                  {session.slots[m.slotIndex!] && formatSlot(session.slots[m.slotIndex!]!, i18n.language)} ·{' '}
                  {t('tableName', { name: m.table?.name ?? '' })} ·{' '}
                  {[...new Set(m.participants.map((p) => p.organization))].join(' · ')}
                  {m.status !== 'scheduled' && <span className="badge">{t(`meeting_${m.status}`)}</span>}
                </span>
                {m.status === 'scheduled' && (
                  <button
                    type="button"
                    className="small"
                    onClick={() => setMoving(moving === m.id ? null : m.id)}
                  >
                    {t('move')}
                  </button>
                )}
                {moving === m.id && (
                  <MoveForm
                    slug={slug}
                    meeting={m}
                    session={session}
                    onDone={() => {
                      setMoving(null);
                      meetings.reload();
                    }}
                  />
                )}
              </li>
            ))}
          </ul>
        </section>
      )}
      {session && <NewMeetingForm slug={slug} sessionId={session.id} onDone={meetings.reload} />}
      {sessions.data && (sessions.data.items.length === 0 || addingSession) ? (
        <SessionForm
          slug={slug}
          onDone={() => {
            setAddingSession(false);
            sessions.reload();
          }}
        />
      ) : (
        <p>
          <button type="button" onClick={() => setAddingSession(true)}>
            {t('newSessionToggle')}
          </button>
        </p>
      )}
      <MatchingSettingsForm slug={slug} />
    </Layout>
  );
}
