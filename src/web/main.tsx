import { lazy, StrictMode, Suspense, useEffect } from 'react';
import { createRoot } from 'react-dom/client';
import { useTranslation } from 'react-i18next';
import './i18n.ts';
import './styles.css';
import { Layout } from './components/Layout.tsx';
import { DirectoryPage } from './pages/DirectoryPage.tsx';
import { HomePage } from './pages/HomePage.tsx';
import { MissionPage } from './pages/MissionPage.tsx';
import { OrganizationPage } from './pages/OrganizationPage.tsx';
import { LinkSignInPage, SignInPage } from './pages/SignInPage.tsx';
import { match, navigate, useLocation } from './router.ts';
import { SessionProvider, useSession } from './session.tsx';

// The meeting workflow loads on demand: the first page of a visitor stays small.
const CheckInPage = lazy(() => import('./pages/CheckInPage.tsx').then((m) => ({ default: m.CheckInPage })));
const MeetingsPage = lazy(() =>
  import('./pages/MeetingsPage.tsx').then((m) => ({ default: m.MeetingsPage })),
);
const RecommendationsPage = lazy(() =>
  import('./pages/RecommendationsPage.tsx').then((m) => ({ default: m.RecommendationsPage })),
);
const LeadsPage = lazy(() => import('./pages/LeadsPage.tsx').then((m) => ({ default: m.LeadsPage })));
const LeadPage = lazy(() => import('./pages/LeadPage.tsx').then((m) => ({ default: m.LeadPage })));
const ImpactPage = lazy(() => import('./pages/ImpactPage.tsx').then((m) => ({ default: m.ImpactPage })));
const SurveyPage = lazy(() => import('./pages/SurveyPage.tsx').then((m) => ({ default: m.SurveyPage })));
const SchedulePage = lazy(() =>
  import('./pages/SchedulePage.tsx').then((m) => ({ default: m.SchedulePage })),
);

function RequireUser({ children }: { children: React.ReactNode }) {
  const { user } = useSession();
  useEffect(() => {
    if (user === null)
      navigate(`/sign-in?next=${encodeURIComponent(location.pathname + location.search)}`, { replace: true });
  }, [user]);
  return user ? children : null;
}

type Loc = ReturnType<typeof useLocation>;
const ROUTES: [string, (p: Record<string, string>, loc: Loc) => React.ReactNode][] = [
  ['/sign-in', () => <SignInPage />],
  ['/sign-in/link', (_, loc) => <LinkSignInPage token={loc.hash} />],
  ['/', () => <RequireUser>{<HomePage />}</RequireUser>],
  ['/missions/:slug', (p) => <MissionPage slug={p.slug!} />],
  [
    '/missions/:slug/directory',
    (p, loc) => <RequireUser>{<DirectoryPage slug={p.slug!} query={loc.query} />}</RequireUser>,
  ],
  ['/check-in/:code', (p) => <CheckInPage code={p.code!} />],
  ['/survey', (_, loc) => <SurveyPage token={loc.hash} />],
  ['/missions/:slug/leads', (p) => <RequireUser>{<LeadsPage slug={p.slug!} />}</RequireUser>],
  ['/missions/:slug/leads/:id', (p) => <RequireUser>{<LeadPage slug={p.slug!} id={p.id!} />}</RequireUser>],
  ['/missions/:slug/impact', (p) => <RequireUser>{<ImpactPage slug={p.slug!} />}</RequireUser>],
  [
    '/missions/:slug/recommendations',
    (p) => <RequireUser>{<RecommendationsPage slug={p.slug!} />}</RequireUser>,
  ],
  ['/missions/:slug/meetings', (p) => <RequireUser>{<MeetingsPage slug={p.slug!} />}</RequireUser>],
  ['/missions/:slug/schedule', (p) => <RequireUser>{<SchedulePage slug={p.slug!} />}</RequireUser>],
  [
    '/missions/:slug/organizations/:id',
    (p) => <RequireUser>{<OrganizationPage slug={p.slug!} id={p.id!} />}</RequireUser>,
  ],
];

function App() {
  const loc = useLocation();
  const { t } = useTranslation();
  for (const [pattern, render] of ROUTES) {
    const params = match(pattern, loc.path);
    if (params) return <Suspense fallback={null}>{render(params, loc)}</Suspense>;
  }
  return <Layout>{<p>{t('notFound')}</p>}</Layout>;
}

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <SessionProvider>
      <App />
    </SessionProvider>
  </StrictMode>,
);
