import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { LEAD_STAGES as STAGES, LEAD_TYPES as TYPES } from '../../domain/lead-schemas.ts';
import { api } from '../api.ts';
import { Layout, MissionNav } from '../components/Layout.tsx';
import { Link } from '../components/Link.tsx';
import { formatInstant } from '../format.ts';
import type { Lead } from '../leads-api.ts';
import { useFetch } from '../use-fetch.ts';

/** The fields the form edits: what it sends back, nothing else (the API refuses unknown fields). */
const DRAFT_FIELDS = [
  'title',
  'type',
  'stage',
  'abandonReason',
  'amount',
  'currency',
  'jobsProjected',
  'jobsActual',
  'nextAction',
  'nextActionDue',
  'notes',
  'counterfactual',
  'story',
  'storyPublic',
] as const;
type Draft = Pick<Lead, (typeof DRAFT_FIELDS)[number]>;
const draftOf = (lead: Lead): Draft => Object.fromEntries(DRAFT_FIELDS.map((k) => [k, lead[k]])) as Draft;

const numberOrNull = (v: string) => (v.trim() === '' ? null : Number(v));

/** A lead: its stage, money, jobs and next step, and everything that changed, who and when. */
export function LeadPage({ slug, id }: { slug: string; id: string }) {
  const { t, i18n } = useTranslation();
  const { data, error, reload } = useFetch<Lead>(`/missions/${slug}/leads/${id}`);
  const role = useFetch<{ role: string }>(`/missions/${slug}`).data?.role;
  const [evidenceNote, setEvidenceNote] = useState('');
  const [draft, setDraft] = useState<Draft | null>(null);
  const [status, setStatus] = useState<string | null>(null);
  useEffect(() => {
    if (data) setDraft(draftOf(data));
  }, [data]);
  if (error)
    return (
      <Layout nav={<MissionNav slug={slug} active="leads" />}>
        {<p className="error">{error.message}</p>}
      </Layout>
    );
  if (!data || !draft) return <Layout>{<p className="muted">{t('loading')}</p>}</Layout>;
  const set = (patch: Partial<Draft>) => setDraft({ ...draft, ...patch });
  const save = async (e: React.FormEvent) => {
    e.preventDefault();
    setStatus(null);
    try {
      const body: Record<string, unknown> = { ...draft };
      if (body.nextActionDue === '') body.nextActionDue = null;
      if (body.currency === '') body.currency = null;
      await api('PATCH', `/missions/${slug}/leads/${id}`, body);
      setStatus(t('saved'));
      reload();
    } catch (err) {
      setStatus((err as Error).message);
    }
  };
  return (
    <Layout nav={<MissionNav slug={slug} active="leads" />}>
      <p>
        <Link href={`/missions/${slug}/leads`}>← {t('leads')}</Link>
      </p>
      <header className="hero">
        <p className="eyebrow">
          {data.organizations.map((o) => o.name).join(' · ')} ·{' '}
          {data.missions.map((m) => m.title).join(' + ')}
        </p>
        <h1>{data.title}</h1>
        <p className="badge">{t(`stage_${data.stage}`)}</p>
        {data.evidence === 'confirmed' && (
          <p className="badge">{t('confirmedEvidence', { note: data.evidenceNote })}</p>
        )}
      </header>
      <form className="form card" onSubmit={save} data-testid="lead-form">
        <div className="two-columns">
          <label>
            {t('stage')}
            <select
              name="stage"
              value={draft.stage}
              onChange={(e) => set({ stage: e.target.value as Lead['stage'] })}
            >
              {STAGES.map((s) => (
                <option key={s} value={s}>
                  {t(`stage_${s}`)}
                </option>
              ))}
            </select>
          </label>
          <label>
            {t('leadType')}
            <select name="type" value={draft.type} onChange={(e) => set({ type: e.target.value })}>
              {TYPES.map((s) => (
                <option key={s} value={s}>
                  {t(`leadType_${s}`)}
                </option>
              ))}
            </select>
          </label>
        </div>
        {draft.stage === 'abandoned' && (
          <label>
            {t('abandonReason')}
            <input
              name="abandonReason"
              value={draft.abandonReason ?? ''}
              onChange={(e) => set({ abandonReason: e.target.value })}
            />
          </label>
        )}
        <div className="four-columns">
          <label>
            {t('amount')}
            <input
              name="amount"
              type="number"
              min={0}
              value={draft.amount ?? ''}
              onChange={(e) => set({ amount: numberOrNull(e.target.value) })}
            />
          </label>
          <label>
            {t('currency')}
            <input
              name="currency"
              maxLength={3}
              value={draft.currency ?? ''}
              onChange={(e) => set({ currency: e.target.value.toUpperCase() })}
            />
          </label>
          <label>
            {t('jobsActual')}
            <input
              name="jobsActual"
              type="number"
              min={0}
              value={draft.jobsActual ?? ''}
              onChange={(e) => set({ jobsActual: numberOrNull(e.target.value) })}
            />
          </label>
          <label>
            {t('jobsProjected')}
            <input
              name="jobsProjected"
              type="number"
              min={0}
              value={draft.jobsProjected ?? ''}
              onChange={(e) => set({ jobsProjected: numberOrNull(e.target.value) })}
            />
          </label>
        </div>
        <div className="two-columns">
          <label>
            {t('nextAction')}
            <input
              name="nextAction"
              value={draft.nextAction}
              onChange={(e) => set({ nextAction: e.target.value })}
            />
          </label>
          <label>
            {t('nextActionDue')}
            <input
              name="nextActionDue"
              type="date"
              value={draft.nextActionDue ?? ''}
              onChange={(e) => set({ nextActionDue: e.target.value || null })}
            />
          </label>
        </div>
        <label>
          {t('counterfactualQuestion')}
          <select
            name="counterfactual"
            value={draft.counterfactual ?? ''}
            onChange={(e) => set({ counterfactual: (e.target.value || null) as Lead['counterfactual'] })}
          >
            <option value="">—</option>
            {(['yes', 'partly', 'no'] as const).map((c) => (
              <option key={c} value={c}>
                {t(`cf_${c}`)}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('notesPrivate')}
          <textarea
            name="notes"
            rows={3}
            value={draft.notes}
            onChange={(e) => set({ notes: e.target.value })}
          />
        </label>
        <label>
          {t('story')}
          <textarea
            name="story"
            rows={2}
            value={draft.story}
            onChange={(e) => set({ story: e.target.value })}
          />
        </label>
        <label className="inline">
          <input
            type="checkbox"
            checked={draft.storyPublic}
            onChange={(e) => set({ storyPublic: e.target.checked })}
          />{' '}
          {t('storyPublic')}
        </label>
        <button type="submit" className="primary">
          {t('save')}
        </button>
        {status && <p role="status">{status}</p>}
      </form>
      {role === 'organizer' && data.evidence !== 'confirmed' && (
        <form
          className="request-form card"
          onSubmit={async (e) => {
            e.preventDefault();
            try {
              await api('PATCH', `/missions/${slug}/leads/${id}`, { evidence: 'confirmed', evidenceNote });
              reload();
            } catch (err) {
              setStatus((err as Error).message);
            }
          }}
        >
          <label>
            {t('confirmWith')}
            <input
              name="evidenceNote"
              required
              value={evidenceNote}
              onChange={(e) => setEvidenceNote(e.target.value)}
            />
          </label>
          <button type="submit">{t('confirmOutcome')}</button>
        </form>
      )}
      <section className="card">
        <h2>{t('history')}</h2>
        <ol className="history" data-testid="lead-history">
          {(data.history ?? []).map((h) => (
            <li key={`${h.at}-${JSON.stringify(h.changes)}`}>
              <span className="muted small">
                {formatInstant(h.at, i18n.language, Intl.DateTimeFormat().resolvedOptions().timeZone)} ·{' '}
                {h.by ?? t(`source_${h.source}`)}
              </span>{' '}
              {Object.entries(h.changes)
                .map(([k, v]) =>
                  Array.isArray(v)
                    ? `${t(`field_${k}`, { defaultValue: k })}: ${v[0] ?? '—'} → ${v[1] ?? '—'}`
                    : t('historyCreated'),
                )
                .join(' · ')}
            </li>
          ))}
        </ol>
      </section>
    </Layout>
  );
}
