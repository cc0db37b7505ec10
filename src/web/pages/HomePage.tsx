import { useTranslation } from 'react-i18next';
import type { Mission } from '../api.ts';
import { Layout } from '../components/Layout.tsx';
import { Link } from '../components/Link.tsx';
import { formatDate } from '../format.ts';
import { useFetch } from '../use-fetch.ts';

type MissionItem = Mission & { role: string; counts: { people: number; organizations: number } };

export function HomePage() {
  const { t, i18n } = useTranslation();
  const { data } = useFetch<{ items: MissionItem[] }>('/missions');
  return (
    <Layout>
      <h1>{t('myMissions')}</h1>
      {!data && <p className="muted">{t('loading')}</p>}
      {data?.items.length === 0 && <p className="muted">{t('noMissions')}</p>}
      <ul className="grid">
        {data?.items.map((m) => (
          <li key={m.slug} className="card mission-card">
            <Link href={`/missions/${m.slug}`}>
              <h2>{m.title}</h2>
            </Link>
            <p className="muted">
              {t('dates', {
                start: formatDate(m.startsOn, i18n.language),
                end: formatDate(m.endsOn, i18n.language),
              })}
            </p>
            <p>
              <span className="badge">{t(`role_${m.role}`)}</span> {m.counts.organizations}{' '}
              {t('organizations')} · {m.counts.people} {t('people')}
            </p>
          </li>
        ))}
      </ul>
    </Layout>
  );
}
