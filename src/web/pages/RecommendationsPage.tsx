import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError, api } from '../api.ts';
import { Layout, MissionNav } from '../components/Layout.tsx';
import { Link } from '../components/Link.tsx';
import { Reasons } from '../components/Reasons.tsx';
import type { Recommendation } from '../meetings-api.ts';
import { useFetch } from '../use-fetch.ts';

/** Asks one person of a recommended organization for a meeting, with a message. */
function RequestForm({
  slug,
  person,
  onDone,
}: {
  slug: string;
  person: Recommendation['people'][number];
  onDone(): void;
}) {
  const { t } = useTranslation();
  const [message, setMessage] = useState('');
  const [state, setState] = useState<{ error?: string; joinMeetingId?: string; sent?: boolean }>({});
  const send = async (e: React.FormEvent) => {
    e.preventDefault();
    try {
      await api('POST', `/missions/${slug}/requests`, { recipientPersonId: person.personId, message });
      setState({ sent: true });
      onDone();
    } catch (err) {
      const join =
        err instanceof ApiError ? err.details.find((d) => d.field === 'joinMeetingId')?.reason : undefined;
      setState({ error: (err as Error).message, ...(join ? { joinMeetingId: join } : {}) });
    }
  };
  const join = async () => {
    try {
      await api('POST', `/missions/${slug}/meetings/${state.joinMeetingId}/join`);
      setState({ sent: true });
    } catch (err) {
      setState({ error: (err as Error).message });
    }
  };
  if (state.sent)
    return (
      <p className="notice" role="status">
        {t('requestSent', { name: person.name })}
      </p>
    );
  return (
    <form className="request-form" onSubmit={send}>
      <label>
        {t('messageTo', { name: person.name })}
        <textarea
          name="message"
          rows={3}
          maxLength={1000}
          value={message}
          onChange={(e) => setMessage(e.target.value)}
        />
      </label>
      <button type="submit" className="primary">
        {t('sendRequest')}
      </button>
      {state.error && (
        <p className="error" role="alert">
          {state.error}
        </p>
      )}
      {state.joinMeetingId && (
        <button type="button" onClick={join}>
          {t('joinColleague')}
        </button>
      )}
    </form>
  );
}

export function RecommendationsPage({ slug }: { slug: string }) {
  const { t } = useTranslation();
  const [sameSide, setSameSide] = useState(false);
  const { data, error } = useFetch<{ items: Recommendation[] }>(
    `/missions/${slug}/recommendations?limit=20&sameSide=${sameSide}`,
  );
  const [open, setOpen] = useState<string | null>(null);
  return (
    <Layout nav={<MissionNav slug={slug} active="recommendations" />}>
      <header className="hero">
        <h1>{t('recommendations')}</h1>
        <p className="muted">{t('recommendationsIntro')}</p>
        <label className="inline">
          <input type="checkbox" checked={sameSide} onChange={(e) => setSameSide(e.target.checked)} />{' '}
          {t('includeSameSide')}
        </label>
      </header>
      {error && <p className="error">{error.message}</p>}
      {!data && !error && <p className="muted">{t('loading')}</p>}
      {data?.items.length === 0 && <p className="muted">{t('noRecommendations')}</p>}
      <ol className="recommendations">
        {data?.items.map((r) => (
          <li key={r.id} className="card" data-testid="recommendation">
            <div className="rec-head">
              <h2>
                <Link href={`/missions/${slug}/organizations/${r.id}`}>{r.name}</Link>
              </h2>
              <span className="badge">{t(r.side)}</span>
              <meter min={0} max={1} value={r.score} title={`${Math.round(r.score * 100)} %`} />
            </div>
            <Reasons reasons={r.reasons} />
            <div className="people-actions">
              {r.people.map((p) => (
                <button
                  key={p.personId}
                  type="button"
                  onClick={() => setOpen(open === p.personId ? null : p.personId)}
                >
                  {t('requestMeetingWith', { name: p.name })}
                </button>
              ))}
            </div>
            {r.people
              .filter((p) => p.personId === open)
              .map((p) => (
                <RequestForm key={p.personId} slug={slug} person={p} onDone={() => {}} />
              ))}
          </li>
        ))}
      </ol>
    </Layout>
  );
}
