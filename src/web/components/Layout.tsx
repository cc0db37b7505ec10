import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { type Lang, setLanguage } from '../i18n.ts';
import { navigate } from '../router.ts';
import { useSession } from '../session.tsx';
import { useFetch } from '../use-fetch.ts';
import { Link } from './Link.tsx';

export function Layout({ children, nav }: { children: ReactNode; nav?: ReactNode }) {
  const { t, i18n } = useTranslation();
  const { user, signOut } = useSession();
  const other: Lang = i18n.language === 'fr' ? 'en' : 'fr';
  return (
    <>
      <header className="topbar">
        <Link href="/" className="brand">
          <span className="logo" aria-hidden="true" />
          {t('appName')}
        </Link>
        <div className="topbar-actions">
          <button
            type="button"
            className="lang"
            data-testid="language-switch"
            aria-label={other === 'fr' ? 'Passer en français' : 'Switch to English'}
            onClick={() => setLanguage(other)}
          >
            {other.toUpperCase()}
          </button>
          {user ? (
            <button
              type="button"
              className="link-button"
              onClick={async () => {
                await signOut();
                navigate('/sign-in');
              }}
            >
              {t('signOut')}
            </button>
          ) : user === null ? (
            <Link href="/sign-in">{t('signIn')}</Link>
          ) : null}
        </div>
      </header>
      {nav}
      <main className="page">{children}</main>
    </>
  );
}

export type MissionTab =
  | 'overview'
  | 'directory'
  | 'recommendations'
  | 'meetings'
  | 'schedule'
  | 'leads'
  | 'impact';

/** The mission's tabs; recommendations and meetings for people who take meetings, scheduling for organizers. */
export function MissionNav({ slug, active }: { slug: string; active: MissionTab }) {
  const { t } = useTranslation();
  const { user } = useSession();
  const role = useFetch<{ role: string }>(`/missions/${slug}`).data?.role;
  // Recommendations and meetings belong to people registered in the mission; organizers without one schedule.
  const takesMeetings = (role === 'participant' || role === 'organizer') && Boolean(user?.personId);
  const tabs: [MissionTab, string, boolean][] = [
    ['overview', '', true],
    ['directory', '/directory', true],
    ['recommendations', '/recommendations', takesMeetings],
    ['meetings', '/meetings', takesMeetings],
    ['schedule', '/schedule', role === 'organizer'],
    ['leads', '/leads', role === 'organizer' || (role === 'participant' && Boolean(user?.organizationId))],
    ['impact', '/impact', role === 'organizer' || role === 'official'],
  ];
  return (
    <nav className="tabs">
      {tabs
        .filter(([, , shown]) => shown)
        .map(([tab, path]) => (
          <Link key={tab} href={`/missions/${slug}${path}`} className={active === tab ? 'active' : ''}>
            {t(tab)}
          </Link>
        ))}
    </nav>
  );
}
