import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { utcToZoned, zonedTimeToUtc } from '../../domain/time.ts';
import { api } from '../api.ts';
import { formatDate } from '../format.ts';
import { useFetch } from '../use-fetch.ts';

interface Availability {
  presenceDays: string[];
  unavailable: { startsAt: string; endsAt: string }[];
}

const daysBetween = (from: string, to: string): string[] => {
  const out: string[] = [];
  for (
    let d = new Date(`${from}T00:00:00Z`);
    d <= new Date(`${to}T00:00:00Z`);
    d.setUTCDate(d.getUTCDate() + 1)
  ) {
    out.push(d.toISOString().slice(0, 10));
  }
  return out;
};

/** The days a participant is there, and the hours they cannot meet, in the mission's timezone. */
export function AvailabilityEditor(props: {
  slug: string;
  personId: string;
  startsOn: string;
  endsOn: string;
  timeZone: string;
}) {
  const { t, i18n } = useTranslation();
  const { data } = useFetch<Availability>(`/missions/${props.slug}/people/${props.personId}/availability`);
  const [value, setValue] = useState<Availability | null>(null);
  const [slot, setSlot] = useState({ day: props.startsOn, from: '12:00', to: '14:00' });
  const [status, setStatus] = useState<string | null>(null);
  useEffect(() => {
    if (data && !value) setValue(data);
  }, [data, value]);
  if (!value) return null;
  const days = daysBetween(props.startsOn, props.endsOn);
  const present = (d: string) => value.presenceDays.length === 0 || value.presenceDays.includes(d);
  const save = async (next: Availability) => {
    setStatus(null);
    try {
      setValue(
        await api<Availability>('PUT', `/missions/${props.slug}/people/${props.personId}/availability`, next),
      );
      setStatus(t('saved'));
    } catch (e) {
      setStatus((e as Error).message);
    }
  };
  const toggle = (d: string) => {
    const current = value.presenceDays.length === 0 ? days : value.presenceDays;
    const next = present(d) ? current.filter((x) => x !== d) : [...current, d].sort();
    void save({ ...value, presenceDays: next.length === days.length ? [] : next });
  };
  const local = (iso: string) => utcToZoned(new Date(iso), props.timeZone);
  return (
    <details className="card availability">
      <summary>{t('availability')}</summary>
      <p className="muted">{t('presenceDays')}</p>
      <div className="checkboxes">
        {days.map((d) => (
          <label key={d} className="checkbox">
            <input type="checkbox" checked={present(d)} onChange={() => toggle(d)} />{' '}
            {formatDate(d, i18n.language)}
          </label>
        ))}
      </div>
      <p className="muted">{t('unavailable')}</p>
      <ul className="plain">
        {value.unavailable.map((u) => (
          <li key={u.startsAt}>
            {local(u.startsAt).day} {local(u.startsAt).time}–{local(u.endsAt).time}{' '}
            <button
              type="button"
              className="small"
              onClick={() => save({ ...value, unavailable: value.unavailable.filter((x) => x !== u) })}
            >
              ×
            </button>
          </li>
        ))}
      </ul>
      <div className="move-form">
        <select
          value={slot.day}
          onChange={(e) => setSlot({ ...slot, day: e.target.value })}
          aria-label={t('day')}
        >
          {days.map((d) => (
            <option key={d} value={d}>
              {formatDate(d, i18n.language)}
            </option>
          ))}
        </select>
        <input
          type="time"
          value={slot.from}
          onChange={(e) => setSlot({ ...slot, from: e.target.value })}
          aria-label={t('from')}
        />
        <input
          type="time"
          value={slot.to}
          onChange={(e) => setSlot({ ...slot, to: e.target.value })}
          aria-label={t('to')}
        />
        <button
          type="button"
          className="small"
          onClick={() =>
            save({
              ...value,
              unavailable: [
                ...value.unavailable,
                {
                  startsAt: zonedTimeToUtc(slot.day, slot.from, props.timeZone).toISOString(),
                  endsAt: zonedTimeToUtc(slot.day, slot.to, props.timeZone).toISOString(),
                },
              ],
            })
          }
        >
          {t('addUnavailable')}
        </button>
      </div>
      {status && <p role="status">{status}</p>}
    </details>
  );
}
