import { useTranslation } from 'react-i18next';
import { formatDay } from '../format.ts';
import type { Meeting, Session } from '../meetings-api.ts';

/** The grid of a session, slot by table: each cell the organizations meeting there. */
export function ScheduleGrid(props: {
  session: Session;
  placements: { meetingId: string; slotIndex: number; tableId: string }[];
  meetings: ReadonlyMap<string, Meeting>;
}) {
  const { t, i18n } = useTranslation();
  const cell = new Map(props.placements.map((p) => [`${p.slotIndex}|${p.tableId}`, p.meetingId]));
  let lastDay = '';
  return (
    <div className="grid-scroll">
      <table className="schedule-grid" data-testid="schedule-grid">
        <thead>
          <tr>
            <th>{t('time')}</th>
            {props.session.tables.map((tb) => (
              <th key={tb.id}>{t('tableName', { name: tb.name })}</th>
            ))}
          </tr>
        </thead>
        <tbody>
          {props.session.slots.map((s) => {
            const newDay = s.day !== lastDay;
            lastDay = s.day;
            return [
              newDay ? (
                <tr key={`day-${s.day}`} className="day-row">
                  <th colSpan={props.session.tables.length + 1}>
                    {formatDay(s.startsAt, i18n.language, props.session.timezone)}
                  </th>
                </tr>
              ) : null,
              <tr key={s.index}>
                <th>{s.localStart}</th>
                {props.session.tables.map((tb) => {
                  const m = props.meetings.get(cell.get(`${s.index}|${tb.id}`) ?? '');
                  return (
                    <td key={tb.id}>
                      {m ? [...new Set(m.participants.map((p) => p.organization))].join(' · ') : ''}
                    </td>
                  );
                })}
              </tr>,
            ];
          })}
        </tbody>
      </table>
    </div>
  );
}
