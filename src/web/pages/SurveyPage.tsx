import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../api.ts';
import { Layout } from '../components/Layout.tsx';
import { formatInstant } from '../format.ts';
import { useFetch } from '../use-fetch.ts';

interface Survey {
  mission: { title: string; timezone: string; currency: string };
  person: { name: string; organization: string };
  answeredAt: string | null;
  meetings: {
    meetingId: string;
    startsAt: string | null;
    organizations: string[];
    stage: string | null;
    amount: number | null;
    jobsActual: number | null;
  }[];
}

const OUTCOMES = ['no_further_contact', 'in_discussion', 'negotiating', 'signed'] as const;
const fromStage: Record<string, (typeof OUTCOMES)[number]> = {
  abandoned: 'no_further_contact',
  contact: 'in_discussion',
  follow_up: 'in_discussion',
  negotiation: 'negotiating',
  signed: 'signed',
};

/** The outcome survey behind an e-mailed link (the token is in the address's fragment): no password. */
export function SurveyPage({ token }: { token: string }) {
  const { t, i18n } = useTranslation();
  const { data, error } = useFetch<Survey>(token ? `/survey/${token}` : null);
  const [answers, setAnswers] = useState<
    Record<string, { outcome?: string; amount?: string; jobs?: string }>
  >({});
  const [status, setStatus] = useState<string | null>(null);
  if (error) return <Layout>{<p className="error">{error.message}</p>}</Layout>;
  if (!data) return <Layout>{<p className="muted">{t('loading')}</p>}</Layout>;
  const set = (id: string, patch: { outcome?: string; amount?: string; jobs?: string }) =>
    setAnswers({ ...answers, [id]: { ...answers[id], ...patch } });
  const submit = async (e: React.FormEvent) => {
    e.preventDefault();
    const list = data.meetings
      .map((m) => ({ m, a: answers[m.meetingId] }))
      .filter(({ a, m }) => a?.outcome ?? (m.stage ? fromStage[m.stage] : undefined))
      .map(({ m, a }) => ({
        meetingId: m.meetingId,
        outcome: a?.outcome ?? fromStage[m.stage as string],
        ...(a?.amount ? { amount: Number(a.amount), currency: data.mission.currency } : {}),
        ...(a?.jobs ? { jobsActual: Number(a.jobs) } : {}),
      }));
    try {
      await api('POST', `/survey/${token}`, { answers: list });
      setStatus(t('surveyThanks'));
    } catch (err) {
      setStatus((err as Error).message);
    }
  };
  return (
    <Layout>
      <header className="hero">
        <p className="eyebrow">{data.mission.title}</p>
        <h1>{t('surveyTitle')}</h1>
        <p className="muted">{t('surveyIntro', { name: data.person.name })}</p>
      </header>
      <form className="form" onSubmit={submit} data-testid="survey-form">
        {data.meetings.map((m) => {
          const a = answers[m.meetingId] ?? {};
          const outcome = a.outcome ?? (m.stage ? fromStage[m.stage] : '');
          return (
            <fieldset key={m.meetingId} className="card">
              <legend>
                {m.organizations.join(' · ')}{' '}
                {m.startsAt && (
                  <span className="muted small">
                    {formatInstant(m.startsAt, i18n.language, data.mission.timezone)}
                  </span>
                )}
              </legend>
              <select
                value={outcome}
                onChange={(e) => set(m.meetingId, { outcome: e.target.value })}
                aria-label={t('outcome')}
              >
                <option value="">{t('outcomeChoose')}</option>
                {OUTCOMES.map((o) => (
                  <option key={o} value={o}>
                    {t(`outcome_${o}`)}
                  </option>
                ))}
              </select>
              {outcome === 'signed' && (
                <div className="two-columns">
                  <label>
                    {t('amount')} ({data.mission.currency})
                    <input
                      type="number"
                      min={0}
                      value={a.amount ?? m.amount ?? ''}
                      onChange={(e) => set(m.meetingId, { amount: e.target.value })}
                    />
                  </label>
                  <label>
                    {t('jobsActual')}
                    <input
                      type="number"
                      min={0}
                      value={a.jobs ?? m.jobsActual ?? ''}
                      onChange={(e) => set(m.meetingId, { jobs: e.target.value })}
                    />
                  </label>
                </div>
              )}
            </fieldset>
          );
        })}
        <button type="submit" className="primary">
          {t('surveySend')}
        </button>
        {status && <p role="status">{status}</p>}
      </form>
    </Layout>
  );
}
