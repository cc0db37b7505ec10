import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Organization } from '../api.ts';
import { Layout, MissionNav } from '../components/Layout.tsx';
import { Link } from '../components/Link.tsx';
import { ProfileForm } from '../components/ProfileForm.tsx';
import { SectorChips } from '../components/SectorChips.tsx';
import { useFetch } from '../use-fetch.ts';

export function OrganizationPage({ slug, id }: { slug: string; id: string }) {
  const { t } = useTranslation();
  const { data, error, reload } = useFetch<Organization>(`/missions/${slug}/organizations/${id}`);
  const [editing, setEditing] = useState(false);
  const [saved, setSaved] = useState(false);
  if (error)
    return (
      <Layout nav={<MissionNav slug={slug} active="directory" />}>
        {<p className="error">{error.message}</p>}
      </Layout>
    );
  if (!data) return <Layout>{<p className="muted">{t('loading')}</p>}</Layout>;
  return (
    <Layout nav={<MissionNav slug={slug} active="directory" />}>
      <p>
        <Link href={`/missions/${slug}/directory`}>← {t('back')}</Link>
      </p>
      <header className="hero">
        <p className="eyebrow">
          {t(`kind_${data.kind}`)} · {t(data.side)}
        </p>
        <h1>{data.name}</h1>
        <p>
          {[data.city, data.country].filter(Boolean).join(', ')}
          {data.website && (
            <>
              {' · '}
              <a href={data.website} rel="noopener noreferrer" target="_blank">
                {data.website.replace(/^https?:\/\//, '')}
              </a>
            </>
          )}
        </p>
        <SectorChips sectors={data.sectors} />
        {data.canEdit && !editing && (
          <button type="button" className="primary" onClick={() => setEditing(true)}>
            {t('edit')}
          </button>
        )}
        {saved && !editing && (
          <p className="notice" role="status">
            {t('saved')}
          </p>
        )}
      </header>
      {editing ? (
        <ProfileForm
          slug={slug}
          organization={data}
          onDone={(didSave) => {
            setEditing(false);
            setSaved(didSave);
            if (didSave) reload();
          }}
        />
      ) : (
        <>
          <section className="card">
            <p lang={data.descriptionLanguage} className="description">
              {data.description}
            </p>
          </section>
          <div className="two-columns">
            {(['offers', 'requests'] as const).map((kind) => (
              <section key={kind} className="card">
                <h2>{t(kind)}</h2>
                <ul className="items">
                  {data[kind].map((o) => (
                    <li key={o.text} lang={o.language}>
                      {o.text} <span className="lang-tag">{o.language.toUpperCase()}</span>
                    </li>
                  ))}
                </ul>
              </section>
            ))}
          </div>
          <section className="card">
            <h2>{t('contacts')}</h2>
            <ul className="items">
              {data.people.map((p) => (
                <li key={p.id}>
                  <strong>
                    {p.firstName} {p.lastName}
                  </strong>
                  {p.title && ` — ${p.title}`}
                  {p.email && (
                    <>
                      {' · '}
                      <a href={`mailto:${p.email}`}>{p.email}</a>
                    </>
                  )}
                </li>
              ))}
            </ul>
          </section>
        </>
      )}
    </Layout>
  );
}
