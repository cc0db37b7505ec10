import { useTranslation } from 'react-i18next';
import { pushTo } from '../../domain/collections.ts';
import { browserTimeZone, formatDay, formatTime } from '../format.ts';
import type { AgendaEntry } from '../meetings-api.ts';

/**
 * An agenda grouped by day, in the mission's timezone (where the meetings happen); the reader's own
 * time beside it when their timezone differs, so nobody misses a meeting after a flight.
 */
export function AgendaList(props: {
  entries: AgendaEntry[];
  timeZone: string;
  viewerPersonId?: string | undefined;
  actions?: (e: AgendaEntry) => React.ReactNode;
}) {
  const { t, i18n } = useTranslation();
  const mine = browserTimeZone();
  const shown = props.entries.filter((e) => e.status !== 'cancelled');
  if (shown.length === 0) return <p className="muted">{t('agendaEmpty')}</p>;
  const days = new Map<string, AgendaEntry[]>();
  for (const e of shown) {
    const day = formatDay(e.startsAt, i18n.language, props.timeZone);
    pushTo(days, day, e);
  }
  return (
    <div className="agenda">
      {[...days].map(([day, list]) => (
        <section key={day}>
          <h3>{day}</h3>
          <ul>
            {list.map((e) => {
              const others = e.participants.filter((p) => p.personId !== props.viewerPersonId);
              return (
                <li key={e.id} className={`agenda-entry status-${e.status}`} data-testid="agenda-entry">
                  <div className="when">
                    <strong>
                      {formatTime(e.startsAt, i18n.language, props.timeZone)}–
                      {formatTime(e.endsAt, i18n.language, props.timeZone)}
                    </strong>
                    {mine !== props.timeZone && (
                      <span className="muted small">
                        {t('yourTime', { time: formatTime(e.startsAt, i18n.language, mine) })}
                      </span>
                    )}
                  </div>
                  <div className="what">
                    {e.kind === 'meeting' ? (
                      <>
                        <span>{others.map((p) => `${p.name} · ${p.organization}`).join(', ')}</span>
                        {e.table && <span className="badge">{t('tableName', { name: e.table })}</span>}
                        {e.status !== 'scheduled' && (
                          <span className="badge">{t(`meeting_${e.status}`)}</span>
                        )}
                      </>
                    ) : (
                      <span>
                        {e.title}
                        {e.venue && <span className="muted"> · {e.venue}</span>}
                      </span>
                    )}
                    {props.actions?.(e)}
                  </div>
                </li>
              );
            })}
          </ul>
        </section>
      ))}
    </div>
  );
}
