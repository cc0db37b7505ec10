import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { LEAD_STAGES as STAGES } from '../../domain/lead-schemas.ts';
import { api } from '../api.ts';
import { Layout, MissionNav } from '../components/Layout.tsx';
import { Link } from '../components/Link.tsx';
import { formatDate } from '../format.ts';
import type { Lead } from '../leads-api.ts';
import type { Meeting } from '../meetings-api.ts';
import { navigate } from '../router.ts';
import { useSession } from '../session.tsx';
import { useFetch } from '../use-fetch.ts';

function amountText(l: Lead, lang: string): string {
  if (l.amount === null || !l.currency) return '';
  return new Intl.NumberFormat(lang, {
    style: 'currency',
    currency: l.currency,
    maximumFractionDigits: 0,
  }).format(l.amount);
}

/** The pipeline of a participant's organization (organizers: of the whole mission), by stage or as a list. */
export function LeadsPage({ slug }: { slug: string }) {
  const { t, i18n } = useTranslation();
  const leads = useFetch<{ items: Lead[] }>(`/missions/${slug}/leads`);
  const meetings = useFetch<{ items: Meeting[] }>(`/missions/${slug}/meetings`);
  const { user } = useSession();
  const [view, setView] = useState<'board' | 'list'>('board');
  const [error, setError] = useState<string | null>(null);
  const items = leads.data?.items ?? [];
  const withLead = new Set(items.flatMap((l) => l.meetingIds));
  const heldWithout = (meetings.data?.items ?? []).filter((m) => m.status === 'held' && !withLead.has(m.id));
  const fromMeeting = async (m: Meeting) => {
    setError(null);
    try {
      // Organizers record it for the first organization of the meeting.
      const owner = user?.organizationId ? {} : { ownerOrganizationId: m.participants[0]?.organizationId };
      const lead = await api<Lead>('POST', `/missions/${slug}/leads`, { meetingIds: [m.id], ...owner });
      navigate(`/missions/${slug}/leads/${lead.id}`);
    } catch (e) {
      setError((e as Error).message);
    }
  };
  return (
    <Layout nav={<MissionNav slug={slug} active="leads" />}>
      <header className="hero">
        <h1>{t('leads')}</h1>
        <p className="muted">{t('leadsIntro')}</p>
        <div className="segmented" role="tablist">
          {(['board', 'list'] as const).map((v) => (
            <button key={v} type="button" role="tab" aria-selected={view === v} onClick={() => setView(v)}>
              {t(`view_${v}`)}
            </button>
          ))}
        </div>
      </header>
      {leads.error && <p className="error">{leads.error.message}</p>}
      {error && (
        <p className="error" role="alert">
          {error}
        </p>
      )}
      {heldWithout.length > 0 && (
        <section className="card">
          <h2>{t('heldWithoutLead', { count: heldWithout.length })}</h2>
          <ul className="plain published">
            {heldWithout.slice(0, 12).map((m) => (
              <li key={m.id} data-testid="held-meeting">
                <span>{[...new Set(m.participants.map((p) => p.organization))].join(' · ')}</span>
                <button type="button" className="small primary" onClick={() => fromMeeting(m)}>
                  {t('createLead')}
                </button>
              </li>
            ))}
          </ul>
        </section>
      )}
      <form
        className="request-form card"
        onSubmit={async (e) => {
          e.preventDefault();
          const title = new FormData(e.currentTarget).get('title');
          setError(null);
          try {
            const lead = await api<Lead>('POST', `/missions/${slug}/leads`, { title });
            navigate(`/missions/${slug}/leads/${lead.id}`);
          } catch (err) {
            setError((err as Error).message);
          }
        }}
      >
        <label>
          {t('newLeadByHand')}
          <input name="title" required maxLength={200} />
        </label>
        <button type="submit">{t('createLead')}</button>
      </form>
      {view === 'board' ? (
        <div className="board" data-testid="pipeline-board">
          {STAGES.map((stage) => (
            <section key={stage} className="board-column">
              <h2>
                {t(`stage_${stage}`)}{' '}
                <span className="muted">{items.filter((l) => l.stage === stage).length}</span>
              </h2>
              {items
                .filter((l) => l.stage === stage)
                .map((l) => (
                  <Link key={l.id} href={`/missions/${slug}/leads/${l.id}`} className="lead-card">
                    <strong>{l.title}</strong>
                    <span className="muted small">{l.organizations.map((o) => o.name).join(' · ')}</span>
                    {amountText(l, i18n.language) && <span>{amountText(l, i18n.language)}</span>}
                    {l.nextActionDue && (
                      <span className="small">
                        {t('dueOn', { date: formatDate(l.nextActionDue, i18n.language) })}
                      </span>
                    )}
                  </Link>
                ))}
            </section>
          ))}
        </div>
      ) : (
        <table className="table">
          <thead>
            <tr>
              <th>{t('leadTitle')}</th>
              <th>{t('stage')}</th>
              <th>{t('amount')}</th>
              <th>{t('nextAction')}</th>
            </tr>
          </thead>
          <tbody>
            {items.map((l) => (
              <tr key={l.id}>
                <td>
                  <Link href={`/missions/${slug}/leads/${l.id}`}>{l.title}</Link>
                </td>
                <td>{t(`stage_${l.stage}`)}</td>
                <td>{amountText(l, i18n.language)}</td>
                <td>
                  {l.nextAction} {l.nextActionDue && formatDate(l.nextActionDue, i18n.language)}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </Layout>
  );
}
