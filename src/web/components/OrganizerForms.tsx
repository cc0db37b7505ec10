import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../api.ts';
import { useFetch } from '../use-fetch.ts';
import { PersonPicker, type PickedPerson } from './PersonPicker.tsx';

const errorText = (e: unknown) => (e as Error).message;

/** A B2B session: days as lines "YYYY-MM-DD HH:MM-HH:MM [break HH:MM-HH:MM]", a slot length, tables. */
export function SessionForm({ slug, onDone }: { slug: string; onDone(): void }) {
  const { t } = useTranslation();
  const [title, setTitle] = useState('');
  const [minutes, setMinutes] = useState('30');
  const [days, setDays] = useState('');
  const [tables, setTables] = useState('10');
  const [error, setError] = useState<string | null>(null);
  const submit = async (e: React.FormEvent) => {
    e.preventDefault();
    setError(null);
    const parsed = days
      .split('\n')
      .map((l) => l.trim())
      .filter(Boolean)
      .map((line) => {
        const m = line.match(
          /^(\d{4}-\d{2}-\d{2})\s+(\d{2}:\d{2})\s*-\s*(\d{2}:\d{2})((?:\s+\d{2}:\d{2}\s*-\s*\d{2}:\d{2})*)$/,
        );
        if (!m) throw new Error(t('sessionDayFormat', { line }));
        const breaks = [...(m[4] ?? '').matchAll(/(\d{2}:\d{2})\s*-\s*(\d{2}:\d{2})/g)].map((b) => [
          b[1],
          b[2],
        ]);
        return { day: m[1], startsAt: m[2], endsAt: m[3], breaks };
      });
    try {
      await api('POST', `/missions/${slug}/sessions`, {
        title,
        slotMinutes: Number(minutes),
        days: parsed,
        tables: Array.from({ length: Number(tables) }, (_, i) => ({ name: String(i + 1) })),
      });
      onDone();
    } catch (err) {
      setError(errorText(err));
    }
  };
  return (
    <form className="form card" onSubmit={(e) => void submit(e).catch((err) => setError(errorText(err)))}>
      <h2>{t('newSession')}</h2>
      <label>
        {t('sessionTitle')}
        <input name="title" required value={title} onChange={(e) => setTitle(e.target.value)} />
      </label>
      <div className="two-columns">
        <label>
          {t('slotMinutes')}
          <input
            name="slotMinutes"
            type="number"
            min={5}
            max={240}
            value={minutes}
            onChange={(e) => setMinutes(e.target.value)}
          />
        </label>
        <label>
          {t('tableCount')}
          <input
            name="tables"
            type="number"
            min={1}
            max={2000}
            value={tables}
            onChange={(e) => setTables(e.target.value)}
          />
        </label>
      </div>
      <label>
        {t('sessionDays')}
        <textarea
          name="days"
          rows={3}
          required
          placeholder="2027-06-08 09:00-18:00 12:30-14:00"
          value={days}
          onChange={(e) => setDays(e.target.value)}
        />
      </label>
      <button type="submit" className="primary">
        {t('save')}
      </button>
      {error && (
        <p className="error" role="alert">
          {error}
        </p>
      )}
    </form>
  );
}

interface Settings {
  weights: { sectors: number; offerRequest: number; text: number; countries: number };
  requestExpiryHours: number;
  maxPendingRequests: number;
}

/** How much each recommendation signal counts in this mission, and the rules of requests. */
export function MatchingSettingsForm({ slug }: { slug: string }) {
  const { t } = useTranslation();
  const { data } = useFetch<Settings>(`/missions/${slug}/matching-settings`);
  const [draft, setDraft] = useState<Settings | null>(null);
  const [status, setStatus] = useState<string | null>(null);
  const s = draft ?? data;
  if (!s) return null;
  const set = (patch: Partial<Settings>) => setDraft({ ...s, ...patch });
  const weight = (k: keyof Settings['weights']) => (
    <label key={k}>
      {t(`weight_${k}`)}
      <input
        type="number"
        min={0}
        max={10}
        step={0.5}
        value={s.weights[k]}
        onChange={(e) => set({ weights: { ...s.weights, [k]: Number(e.target.value) } })}
      />
    </label>
  );
  return (
    <form
      className="form card"
      onSubmit={async (e) => {
        e.preventDefault();
        try {
          setDraft(await api<Settings>('PUT', `/missions/${slug}/matching-settings`, s));
          setStatus(t('saved'));
        } catch (err) {
          setStatus(errorText(err));
        }
      }}
    >
      <h2>{t('matchingSettings')}</h2>
      <div className="four-columns">
        {(['sectors', 'offerRequest', 'text', 'countries'] as const).map(weight)}
      </div>
      <div className="two-columns">
        <label>
          {t('requestExpiryHours')}
          <input
            type="number"
            min={0}
            max={8784}
            value={s.requestExpiryHours}
            onChange={(e) => set({ requestExpiryHours: Number(e.target.value) })}
          />
        </label>
        <label>
          {t('maxPendingRequests')}
          <input
            type="number"
            min={1}
            max={1000}
            value={s.maxPendingRequests}
            onChange={(e) => set({ maxPendingRequests: Number(e.target.value) })}
          />
        </label>
      </div>
      <button type="submit">{t('save')}</button>
      {status && <p role="status">{status}</p>}
    </form>
  );
}

/** Organizers book a meeting of 2 to 4 people directly, must-meet if they say so. */
export function NewMeetingForm({
  slug,
  sessionId,
  onDone,
}: {
  slug: string;
  sessionId: string;
  onDone(): void;
}) {
  const { t } = useTranslation();
  const [people, setPeople] = useState<PickedPerson[]>([]);
  const [mustMeet, setMustMeet] = useState(true);
  const [error, setError] = useState<string | null>(null);
  return (
    <div className="card">
      <h2>{t('newMeeting')}</h2>
      <ul className="plain">
        {people.map((p) => (
          <li key={p.id}>
            {p.firstName} {p.lastName} · {p.organizationName}{' '}
            <button
              type="button"
              className="small"
              onClick={() => setPeople(people.filter((x) => x.id !== p.id))}
            >
              ×
            </button>
          </li>
        ))}
      </ul>
      {people.length < 4 && (
        <PersonPicker
          slug={slug}
          label={t('addParticipant')}
          onPick={(p) => setPeople(people.some((x) => x.id === p.id) ? people : [...people, p])}
        />
      )}
      <label className="inline">
        <input type="checkbox" checked={mustMeet} onChange={(e) => setMustMeet(e.target.checked)} />{' '}
        {t('mustMeet')}
      </label>
      <div className="people-actions">
        <button
          type="button"
          className="primary"
          disabled={people.length < 2}
          onClick={async () => {
            setError(null);
            try {
              await api('POST', `/missions/${slug}/meetings`, {
                personIds: people.map((p) => p.id),
                mustMeet,
                sessionId,
              });
              setPeople([]);
              onDone();
            } catch (err) {
              setError(errorText(err));
            }
          }}
        >
          {t('createMeeting')}
        </button>
      </div>
      {error && (
        <p className="error" role="alert">
          {error}
        </p>
      )}
    </div>
  );
}
