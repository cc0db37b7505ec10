import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Page } from '../api.ts';
import { useFetch } from '../use-fetch.ts';

export interface PickedPerson {
  id: string;
  firstName: string;
  lastName: string;
  organizationName?: string;
}

/** Finds a person of the mission by name or organization, as the organizer types. */
export function PersonPicker({
  slug,
  label,
  onPick,
}: {
  slug: string;
  label: string;
  onPick(p: PickedPerson): void;
}) {
  const { t } = useTranslation();
  const [q, setQ] = useState('');
  const found = useFetch<Page<PickedPerson>>(
    q.trim().length >= 2 ? `/missions/${slug}/people?q=${encodeURIComponent(q.trim())}&pageSize=8` : null,
  );
  return (
    <div className="person-picker">
      <label>
        {label}
        <input value={q} onChange={(e) => setQ(e.target.value)} placeholder={t('searchPlaceholderPeople')} />
      </label>
      {q.trim().length >= 2 && (
        <ul className="plain picker-results">
          {found.data?.items.map((p) => (
            <li key={p.id}>
              <button
                type="button"
                className="small"
                onClick={() => {
                  onPick(p);
                  setQ('');
                }}
              >
                {p.firstName} {p.lastName} · {p.organizationName}
              </button>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
