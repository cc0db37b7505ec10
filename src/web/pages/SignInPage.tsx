import { type FormEvent, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError, api, type User } from '../api.ts';
import { Layout } from '../components/Layout.tsx';
import { navigate } from '../router.ts';
import { useSession } from '../session.tsx';

export function SignInPage() {
  const { t, i18n } = useTranslation();
  const { reload } = useSession();
  const [mode, setMode] = useState<'password' | 'link'>('password');
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [message, setMessage] = useState<{ kind: 'error' | 'info'; text: string } | null>(null);
  const [busy, setBusy] = useState(false);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    setMessage(null);
    try {
      if (mode === 'password') {
        await api('POST', '/session', { email, password });
        await reload();
        navigate(new URLSearchParams(location.search).get('next') ?? '/');
      } else {
        await api('POST', `/session/link?lang=${i18n.language === 'fr' ? 'fr' : 'en'}`, { email });
        setMessage({ kind: 'info', text: t('linkSent') });
      }
    } catch (err) {
      setMessage({ kind: 'error', text: err instanceof ApiError ? err.message : String(err) });
    } finally {
      setBusy(false);
    }
  };

  return (
    <Layout>
      <section className="card narrow">
        <h1>{t('signIn')}</h1>
        <p className="muted">{t('tagline')}</p>
        <div className="segmented" role="tablist">
          <button
            type="button"
            role="tab"
            aria-selected={mode === 'password'}
            onClick={() => setMode('password')}
          >
            {t('withPassword')}
          </button>
          <button type="button" role="tab" aria-selected={mode === 'link'} onClick={() => setMode('link')}>
            {t('withLink')}
          </button>
        </div>
        <form onSubmit={submit} className="form">
          <label>
            {t('email')}
            <input
              type="email"
              name="email"
              autoComplete="email"
              required
              value={email}
              onChange={(e) => setEmail(e.target.value)}
            />
          </label>
          {mode === 'password' && (
            <label>
              {t('password')}
              <input
                type="password"
                name="password"
                autoComplete="current-password"
                required
                value={password}
                onChange={(e) => setPassword(e.target.value)}
              />
            </label>
          )}
          {message && (
            <p className={message.kind === 'error' ? 'error' : 'notice'} role="status">
              {message.text}
            </p>
          )}
          <button type="submit" className="primary" disabled={busy}>
            {mode === 'password' ? t('signIn') : t('sendLink')}
          </button>
        </form>
      </section>
    </Layout>
  );
}

export function LinkSignInPage({ token }: { token: string }) {
  const { t } = useTranslation();
  const { reload } = useSession();
  const [failed, setFailed] = useState(false);
  useEffect(() => {
    api<{ user: User }>('POST', '/session/link/consume', { token })
      .then(async () => {
        await reload();
        navigate('/', { replace: true });
      })
      .catch(() => setFailed(true));
  }, [token, reload]);
  return (
    <Layout>
      <section className="card narrow">
        <p className={failed ? 'error' : 'muted'}>{failed ? t('linkInvalid') : t('signingIn')}</p>
      </section>
    </Layout>
  );
}
