import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { SECTORS } from '../../domain/sectors.ts';
import type { OrganizationCard, Page } from '../api.ts';
import { Layout, MissionNav } from '../components/Layout.tsx';
import { Link } from '../components/Link.tsx';
import { SectorChips } from '../components/SectorChips.tsx';
import { navigate } from '../router.ts';
import { useSession } from '../session.tsx';
import { useFetch } from '../use-fetch.ts';

const PAGE_SIZE = 24;

export function DirectoryPage({ slug, query }: { slug: string; query: URLSearchParams }) {
  const { t } = useTranslation();
  const { user } = useSession();
  const q = query.get('q') ?? '';
  const sector = query.get('sector') ?? '';
  const side = query.get('side') ?? '';
  const page = Math.max(1, Number(query.get('page') ?? 1) || 1);
  const [text, setText] = useState(q);

  const params = new URLSearchParams({ page: String(page), pageSize: String(PAGE_SIZE) });
  if (q) params.set('q', q);
  if (sector) params.set('sector', sector);
  if (side) params.set('side', side);
  const { data, error } = useFetch<Page<OrganizationCard>>(`/missions/${slug}/organizations?${params}`);

  const go = (changes: Record<string, string>) => {
    const next = new URLSearchParams(query);
    for (const [k, v] of Object.entries(changes)) {
      if (v) next.set(k, v);
      else next.delete(k);
    }
    if (!('page' in changes)) next.delete('page');
    navigate(`/missions/${slug}/directory${next.size > 0 ? `?${next}` : ''}`);
  };
  const submit = (e: FormEvent) => {
    e.preventDefault();
    go({ q: text.trim() });
  };
  const pages = data ? Math.max(1, Math.ceil(data.total / data.pageSize)) : 1;

  return (
    <Layout nav={<MissionNav slug={slug} active="directory" />}>
      <h1>{t('directory')}</h1>
      <form className="filters" onSubmit={submit} aria-label={t('search')}>
        <input
          type="search"
          name="q"
          aria-label={t('search')}
          placeholder={t('searchPlaceholder')}
          value={text}
          onChange={(e) => setText(e.target.value)}
        />
        <select
          name="sector"
          aria-label={t('sectors')}
          value={sector}
          onChange={(e) => go({ sector: e.target.value })}
        >
          <option value="">{t('allSectors')}</option>
          {SECTORS.map((s) => (
            <option key={s.code} value={s.code}>
              {t(`sector_${s.code}`)}
            </option>
          ))}
        </select>
        <select
          name="side"
          aria-label={t('allSides')}
          value={side}
          onChange={(e) => go({ side: e.target.value })}
        >
          <option value="">{t('allSides')}</option>
          <option value="delegation">{t('delegation')}</option>
          <option value="host">{t('host')}</option>
        </select>
        <button type="submit" className="primary">
          {t('search')}
        </button>
      </form>
      {error && <p className="error">{error.message}</p>}
      {data && (
        <p className="muted" data-testid="result-count">
          {t('results', { count: data.total })}
        </p>
      )}
      <ul className="grid" data-testid="directory">
        {data?.items.map((o) => (
          <li key={o.id} className={`card org-card side-${o.side}`}>
            <Link href={`/missions/${slug}/organizations/${o.id}`}>
              <h2>{o.name}</h2>
            </Link>
            <p className="muted">
              {t(`kind_${o.kind}`)} · {[o.city, o.country].filter(Boolean).join(', ')} · {t(o.side)}
              {user?.organizationId === o.id && <span className="badge">{t('yourOrganization')}</span>}
            </p>
            <p lang={o.language}>{o.summary}</p>
            <SectorChips sectors={o.sectors} small />
          </li>
        ))}
      </ul>
      {data && pages > 1 && (
        <nav className="pager" aria-label="pagination">
          <button type="button" disabled={page <= 1} onClick={() => go({ page: String(page - 1) })}>
            {t('previous')}
          </button>
          <span>{t('pageOf', { page, pages })}</span>
          <button type="button" disabled={page >= pages} onClick={() => go({ page: String(page + 1) })}>
            {t('next')}
          </button>
        </nav>
      )}
    </Layout>
  );
}
