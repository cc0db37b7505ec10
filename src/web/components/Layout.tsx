import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { type Lang, setLanguage } from '../i18n.ts';
import { navigate } from '../router.ts';
import { useSession } from '../session.tsx';
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

export function MissionNav({ slug, active }: { slug: string; active: 'overview' | 'directory' }) {
  const { t } = useTranslation();
  return (
    <nav className="tabs">
      <Link href={`/missions/${slug}`} className={active === 'overview' ? 'active' : ''}>
        {t('overview')}
      </Link>
      <Link href={`/missions/${slug}/directory`} className={active === 'directory' ? 'active' : ''}>
        {t('directory')}
      </Link>
    </nav>
  );
}
