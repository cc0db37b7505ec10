import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError, api, type Localized, type Mission, type Territory } from '../api.ts';
import { Layout, MissionNav } from '../components/Layout.tsx';
import { Link } from '../components/Link.tsx';
import { SectorChips } from '../components/SectorChips.tsx';
import { formatDate, formatInstant, pick } from '../format.ts';
import { useSession } from '../session.tsx';
import { useFetch } from '../use-fetch.ts';

interface PublicMission {
  mission: Mission;
  origin: Territory;
  host: Territory;
  sectors: string[];
}
interface Overview extends PublicMission {
  role: string;
  counts: { people: number; organizations: number };
  bySector: { sector: string; side: 'delegation' | 'host'; organizations: number }[];
  programme: {
    id: string;
    kind: string;
    title: Localized;
    startsAt: string;
    endsAt: string;
    venue: string;
    capacity: number | null;
    signups: number;
    isSignedUp: boolean;
  }[];
}

function SignupButton(props: { slug: string; item: Overview['programme'][number]; onChange(): void }) {
  const { t } = useTranslation();
  const [error, setError] = useState<string | null>(null);
  const { item } = props;
  const isFull = item.capacity !== null && item.signups >= item.capacity && !item.isSignedUp;
  const toggle = async () => {
    setError(null);
    try {
      await api(item.isSignedUp ? 'DELETE' : 'POST', `/missions/${props.slug}/programme/${item.id}/signup`);
      props.onChange();
    } catch (err) {
      setError(err instanceof ApiError ? err.message : String(err));
    }
  };
  return (
    <>
      <button
        type="button"
        className={item.isSignedUp ? '' : 'primary small'}
        disabled={isFull}
        onClick={toggle}
      >
        {item.isSignedUp ? t('cancelSignup') : isFull ? t('full') : t('signUp')}
      </button>
      {error && <span className="error"> {error}</span>}
    </>
  );
}

function TerritoryProfile({ territory }: { territory: Territory }) {
  const { t, i18n } = useTranslation();
  return (
    <section className="card territory">
      <h2>{t('whyMeet', { name: territory.name })}</h2>
      <p>{pick(territory.pitch, i18n.language)}</p>
      {territory.facts.length > 0 && (
        <ul className="facts" aria-label={t('keyFigures')}>
          {territory.facts.map((f) => (
            <li key={`${f.value}-${f.label.en}`}>
              <strong>{f.value}</strong>
              <span>{pick(f.label, i18n.language)}</span>
              {f.sector && <em className="muted">{t(`sector_${f.sector}`)}</em>}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

function SectorTable({ overview }: { overview: Overview }) {
  const { t } = useTranslation();
  const count = (sector: string, side: string) =>
    overview.bySector.find((r) => r.sector === sector && r.side === side)?.organizations ?? 0;
  return (
    <section className="card">
      <h2>{t('bySector')}</h2>
      <table className="table">
        <thead>
          <tr>
            <th scope="col">{t('sectors')}</th>
            <th scope="col">{t('delegation')}</th>
            <th scope="col">{t('host')}</th>
          </tr>
        </thead>
        <tbody>
          {overview.sectors.map((s) => (
            <tr key={s}>
              <th scope="row">
                <Link href={`/missions/${overview.mission.slug}/directory?sector=${s}`}>
                  {t(`sector_${s}`)}
                </Link>
              </th>
              <td>{count(s, 'delegation')}</td>
              <td>{count(s, 'host')}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}

export function MissionPage({ slug }: { slug: string }) {
  const { t, i18n } = useTranslation();
  const { user } = useSession();
  const overview = useFetch<Overview>(user ? `/missions/${slug}` : null);
  const isMember = Boolean(user && overview.data);
  const pub = useFetch<PublicMission>(user === null || overview.error ? `/public/missions/${slug}` : null);
  const data: PublicMission | undefined = overview.data ?? pub.data;
  if (pub.error) return <Layout>{<p className="error">{pub.error.message}</p>}</Layout>;
  if (!data) return <Layout>{<p className="muted">{t('loading')}</p>}</Layout>;
  const { mission } = data;
  return (
    <Layout nav={isMember ? <MissionNav slug={slug} active="overview" /> : undefined}>
      <header className="hero">
        <p className="eyebrow">
          {data.origin.name} → {data.host.name}
        </p>
        <h1>{mission.title}</h1>
        <p>
          {t('dates', {
            start: formatDate(mission.startsOn, i18n.language),
            end: formatDate(mission.endsOn, i18n.language),
          })}{' '}
          · {t('timezone', { tz: mission.timezone })}
        </p>
        {overview.data && (
          <p className="figures">
            <span>
              <strong>{overview.data.counts.organizations}</strong> {t('organizations')}
            </span>
            <span>
              <strong>{overview.data.counts.people}</strong> {t('people')}
            </span>
            <span className="badge">{t(`role_${overview.data.role}`)}</span>
          </p>
        )}
      </header>
      <section>
        <h2 className="section-title">{t('sectorsPutForward')}</h2>
        <SectorChips sectors={data.sectors} />
      </section>
      <div className="two-columns">
        <TerritoryProfile territory={data.host} />
        <TerritoryProfile territory={data.origin} />
      </div>
      {overview.data ? (
        <div className="two-columns">
          <SectorTable overview={overview.data} />
          <section className="card">
            <h2>{t('programme')}</h2>
            <ol className="programme">
              {overview.data.programme.map((p) => (
                <li key={p.id}>
                  <time>{formatInstant(p.startsAt, i18n.language, mission.timezone)}</time>
                  <div>
                    <span className="badge">{t(`programme_${p.kind}`)}</span>{' '}
                    <strong>{pick(p.title, i18n.language)}</strong>
                    <p className="muted">
                      {p.venue}
                      {p.capacity
                        ? ` · ${t('capacity', { signups: p.signups, capacity: p.capacity })}`
                        : p.signups > 0
                          ? ` · ${t('signupsOnly', { signups: p.signups })}`
                          : ''}
                    </p>
                    {user?.personId && overview.data?.role !== 'official' && (
                      <SignupButton slug={slug} item={p} onChange={overview.reload} />
                    )}
                  </div>
                </li>
              ))}
            </ol>
          </section>
        </div>
      ) : (
        !user && (
          <p className="card notice">
            <Link href={`/sign-in?next=/missions/${slug}`}>{t('signIn')}</Link> — {t('signInToSee')}
          </p>
        )
      )}
    </Layout>
  );
}
