import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { LEAD_TYPES } from '../../domain/lead-schemas.ts';
import { SECTORS } from '../../domain/sectors.ts';
import { api } from '../api.ts';
import { Layout, MissionNav } from '../components/Layout.tsx';
import type { Impact } from '../leads-api.ts';
import { useFetch } from '../use-fetch.ts';

/** The officials' dashboard: from contacts to contracts, value and jobs, by sector and mission. */
export function ImpactPage({ slug }: { slug: string }) {
  const { t, i18n } = useTranslation();
  const [filter, setFilter] = useState({ side: '', sector: '', type: '' });
  const query = new URLSearchParams(Object.entries(filter).filter(([, v]) => v)).toString();
  const { data, error } = useFetch<Impact>(`/missions/${slug}/impact${query ? `?${query}` : ''}`);
  const surveys = useFetch<{
    waves: { offsetDays: number; due: string; sentAt: string | null; invited: number; answered: number }[];
  }>(`/missions/${slug}/surveys`);
  const role = useFetch<{ role: string }>(`/missions/${slug}`).data?.role;
  if (error)
    return (
      <Layout nav={<MissionNav slug={slug} active="impact" />}>
        {<p className="error">{error.message}</p>}
      </Layout>
    );
  if (!data)
    return (
      <Layout nav={<MissionNav slug={slug} active="impact" />}>
        {<p className="muted">{t('loading')}</p>}
      </Layout>
    );
  const money = (v: number) =>
    new Intl.NumberFormat(i18n.language, {
      style: 'currency',
      currency: data.mission.currency,
      maximumFractionDigits: 0,
    }).format(v);
  const f = data.funnel;
  const steps: [string, number][] = [
    ['organizations', f.organizations],
    ['requests', f.requests],
    ['accepted', f.accepted],
    ['held', f.held],
    ['leads', f.leads],
    ['negotiation', f.negotiation],
    ['signed', f.signed],
  ];
  const top = Math.max(1, ...steps.map((s) => s[1]));
  const monthTop = Math.max(1, ...data.byMonth.map((m) => m.value));
  const report = (format: string, lang: string) =>
    `/api/v1/missions/${slug}/report?format=${format}&lang=${lang}`;
  return (
    <Layout nav={<MissionNav slug={slug} active="impact" />}>
      <header className="hero">
        <h1>{t('impact')}</h1>
        <p className="muted">{data.mission.title}</p>
        <div className="calendar-links">
          <a className="button" href={report('pdf', i18n.language)} download data-testid="report-pdf">
            {t('reportPdf')}
          </a>
          <a className="button" href={report('xlsx', i18n.language)} download>
            {t('reportXlsx')}
          </a>
          <a className="button" href={report('csv', i18n.language)} download>
            {t('reportCsv')}
          </a>
        </div>
      </header>
      <div className="impact-filters" data-testid="impact-filters">
        <select
          style={{ width: 'auto' }}
          value={filter.side}
          onChange={(e) => setFilter({ ...filter, side: e.target.value })}
          aria-label={t('bySide')}
        >
          <option value="">{t('allSides')}</option>
          <option value="delegation">{t('delegation')}</option>
          <option value="host">{t('host')}</option>
        </select>
        <select
          style={{ width: 'auto' }}
          name="sector"
          value={filter.sector}
          onChange={(e) => setFilter({ ...filter, sector: e.target.value })}
          aria-label={t('sector')}
        >
          <option value="">{t('allSectors')}</option>
          {SECTORS.map((s) => (
            <option key={s.code} value={s.code}>
              {t(`sector_${s.code}`)}
            </option>
          ))}
        </select>
        <select
          style={{ width: 'auto' }}
          value={filter.type}
          onChange={(e) => setFilter({ ...filter, type: e.target.value })}
          aria-label={t('leadType')}
        >
          <option value="">{t('allTypes')}</option>
          {LEAD_TYPES.map((k) => (
            <option key={k} value={k}>
              {t(`leadType_${k}`)}
            </option>
          ))}
        </select>
        {query && <span className="muted small">{t('filtersApplyToLeads')}</span>}
      </div>
      <div className="figures" data-testid="headline">
        <div>
          <dt>{t('signedValue')}</dt>
          <dd data-testid="signed-value">{money(data.value.signedTotal)}</dd>
          <span className="small muted">
            {t('confirmedDeclared', {
              confirmed: money(data.value.signedConfirmed),
              declared: money(data.value.signedDeclared),
            })}
          </span>
        </div>
        <div>
          <dt>{t('jobsActual')}</dt>
          <dd data-testid="jobs-actual">{data.jobs.actualTotal}</dd>
          <span className="small muted">
            {t('confirmedDeclared', {
              confirmed: data.jobs.actualConfirmed,
              declared: data.jobs.actualDeclared,
            })}
          </span>
        </div>
        <div>
          <dt>{t('jobsProjected')}</dt>
          <dd>{data.jobs.projected}</dd>
          <span className="small muted">{t('neverAdded')}</span>
        </div>
        <div>
          <dt>{t('openPipeline')}</dt>
          <dd>{money(data.value.openPipeline)}</dd>
        </div>
      </div>
      <section className="card">
        <h2>{t('funnel')}</h2>
        <ul className="plain funnel">
          {steps.map(([k, v]) => (
            <li key={k}>
              <span>{t(`funnel_${k}`)}</span>
              <span className="bar" style={{ width: `${(70 * v) / top}%` }} />
              <strong>{v}</strong>
            </li>
          ))}
        </ul>
      </section>
      <section className="card">
        <h2>{t('bySectorTitle')}</h2>
        <table className="table" data-testid="by-sector">
          <thead>
            <tr>
              <th>{t('sector')}</th>
              <th>{t('funnel_leads')}</th>
              <th>{t('stage_signed')}</th>
              <th>{t('value')}</th>
              <th>{t('jobsActual')}</th>
              <th>{t('jobsProjected')}</th>
            </tr>
          </thead>
          <tbody>
            {data.bySector.map((s) => (
              <tr key={s.sector}>
                <td>{s.sector === 'none' ? '—' : t(`sector_${s.sector}`)}</td>
                <td>{s.leads}</td>
                <td>{s.signed}</td>
                <td>{money(s.value)}</td>
                <td>{s.jobsActual}</td>
                <td>{s.jobsProjected}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>
      <div className="two-columns">
        <section className="card">
          <h2>{t('bySide')}</h2>
          <table className="table">
            <tbody>
              {data.bySide.map((s) => (
                <tr key={s.side}>
                  <td>{t(s.side)}</td>
                  <td>{t('leadsCount', { count: s.leads })}</td>
                  <td>{money(s.value)}</td>
                  <td>{t('jobsCount', { count: s.jobsActual })}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </section>
        <section className="card">
          <h2>{t('overTime')}</h2>
          <ul className="plain funnel">
            {data.byMonth.map((m) => (
              <li key={m.month}>
                <span>{m.month}</span>
                <span className="bar" style={{ width: `${(70 * m.value) / monthTop}%` }} />
                <strong>{m.signed}</strong>
              </li>
            ))}
          </ul>
        </section>
      </div>
      <section className="card">
        <h2>{t('partnershipMissions')}</h2>
        <table className="table">
          <thead>
            <tr>
              <th>{t('mission')}</th>
              <th>{t('funnel_held')}</th>
              <th>{t('funnel_leads')}</th>
              <th>{t('stage_signed')}</th>
              <th>{t('value')}</th>
              <th>{t('jobsActual')}</th>
              <th>{t('jobsProjected')}</th>
            </tr>
          </thead>
          <tbody>
            {data.partnership.map((m) => (
              <tr key={m.slug}>
                <td>{m.title}</td>
                <td>{m.funnel.held}</td>
                <td>{m.funnel.leads}</td>
                <td>{m.funnel.signed}</td>
                <td>{money(m.value.signedTotal)}</td>
                <td>{m.jobs.actualTotal}</td>
                <td>{m.jobs.projected}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>
      {data.stories.length > 0 && (
        <section className="card">
          <h2>{t('stories')}</h2>
          {data.stories.map((s) => (
            <p key={s.title}>
              <strong>{s.organizations.join(' · ')}</strong> — {s.story}
            </p>
          ))}
        </section>
      )}
      <section className="card">
        <h2>{t('surveys')}</h2>
        {surveys.data?.waves.length === 0 && <p className="muted">{t('surveysNone')}</p>}
        <ul className="plain" data-testid="survey-waves">
          {surveys.data?.waves.map((w) => (
            <li key={w.offsetDays}>
              {w.sentAt
                ? t('surveyWave', { days: w.offsetDays, answered: w.answered, invited: w.invited })
                : t('surveyNotSent', { days: w.offsetDays, due: w.due })}
            </li>
          ))}
        </ul>
        {role === 'organizer' && surveys.data?.waves.length === 0 && (
          <button
            type="button"
            onClick={async () => {
              await api('POST', `/missions/${slug}/surveys`, {});
              surveys.reload();
            }}
          >
            {t('planSurveys')}
          </button>
        )}
      </section>
      <p className="muted small">{t('methodNote')}</p>
    </Layout>
  );
}
