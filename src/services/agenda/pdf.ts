import type { Content, TDocumentDefinitions } from 'pdfmake/interfaces';
import { pushTo } from '../../domain/collections.ts';
import { utcToZoned } from '../../domain/time.ts';
import { renderPdf } from '../pdf.ts';
import type { Agenda } from './agenda.ts';

const LABELS = {
  fr: {
    time: 'Heure',
    table: 'Table',
    with: 'Avec',
    none: 'Aucun rendez-vous.',
    times: 'Heures locales',
    checkIn: 'Présence',
    agendaOf: 'Agenda de',
    cancelled: 'annulé',
    programme: 'Programme',
  },
  en: {
    time: 'Time',
    table: 'Table',
    with: 'With',
    none: 'No meeting.',
    times: 'Local times',
    checkIn: 'Check-in',
    agendaOf: 'Agenda of',
    cancelled: 'cancelled',
    programme: 'Programme',
  },
};

/** "Mardi 8 juin 2026", "Tuesday, June 8, 2026": a heading starts with a capital, a French month does not. */
function dayTitle(day: string, language: 'fr' | 'en'): string {
  const d = new Date(`${day}T12:00:00Z`);
  const title = d.toLocaleDateString(language === 'fr' ? 'fr-FR' : 'en-US', {
    weekday: 'long',
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    timeZone: 'UTC',
  });
  return title.charAt(0).toUpperCase() + title.slice(1);
}

/** Agendas of people or tables as one PDF: a page per agenda, grouped by day, times at the venue. */
export async function agendasToPdf(agendas: Agenda[], checkInBase?: string): Promise<Buffer> {
  const content: Content[] = [];
  agendas.forEach((agenda, n) => {
    const L = LABELS[agenda.language];
    const tz = agenda.mission.timezone;
    const heading =
      agenda.owner.kind === 'table'
        ? `${L.table} ${agenda.owner.name}`
        : `${L.agendaOf} ${agenda.owner.name}`;
    content.push({
      text: agenda.mission.title,
      style: 'mission',
      ...(n > 0 ? { pageBreak: 'before' as const } : {}),
    });
    content.push({ text: heading, style: 'title' });
    if (agenda.owner.organization) content.push({ text: agenda.owner.organization, style: 'subtitle' });
    content.push({ text: `${L.times}: ${tz}`, style: 'note' });
    const entries = agenda.entries.filter((e) => e.status !== 'cancelled');
    if (entries.length === 0) content.push({ text: L.none, margin: [0, 12, 0, 0] });
    const days = new Map<string, typeof entries>();
    for (const e of entries) {
      const day = utcToZoned(new Date(e.startsAt), tz).day;
      pushTo(days, day, e);
    }
    for (const [day, list] of days) {
      content.push({ text: dayTitle(day, agenda.language), style: 'day' });
      const withQr = agenda.owner.kind === 'table' && checkInBase;
      const body: Content[][] = [
        [
          { text: L.time, style: 'th' },
          { text: agenda.owner.kind === 'table' ? L.with : `${L.table} · ${L.with}`, style: 'th' },
          ...(withQr ? [{ text: L.checkIn, style: 'th' }] : []),
        ],
      ];
      for (const e of list) {
        const from = utcToZoned(new Date(e.startsAt), tz).time;
        const to = utcToZoned(new Date(e.endsAt), tz).time;
        const others = e.participants.filter((p) => p.personId !== agenda.owner.id);
        const who =
          e.kind === 'programme'
            ? `${L.programme}: ${e.title}${e.venue ? ` — ${e.venue}` : ''}`
            : others.map((p) => `${p.name} (${p.organization})`).join('\n');
        const place = agenda.owner.kind !== 'table' && e.table ? `${L.table} ${e.table}\n` : '';
        body.push([
          { text: `${from}–${to}`, bold: true },
          { text: `${place}${who}` },
          ...(withQr && e.checkInCode
            ? [{ qr: `${checkInBase}/${e.checkInCode}`, fit: 64 } as Content]
            : withQr
              ? [{ text: '' }]
              : []),
        ]);
      }
      content.push({
        table: { headerRows: 1, widths: withQr ? [70, '*', 72] : [70, '*'], body, dontBreakRows: true },
        layout: 'lightHorizontalLines',
      });
    }
  });
  const doc: TDocumentDefinitions = {
    info: { title: agendas[0]?.mission.title ?? 'Escale', creator: 'Escale' },
    pageSize: 'A4',
    pageMargins: [40, 40, 40, 40],
    content,
    defaultStyle: { font: 'Roboto', fontSize: 10 },
    styles: {
      mission: { fontSize: 9, color: '#555555' },
      title: { fontSize: 18, bold: true, margin: [0, 2, 0, 2] },
      subtitle: { fontSize: 12 },
      note: { fontSize: 8, color: '#555555', margin: [0, 2, 0, 8] },
      day: { fontSize: 12, bold: true, margin: [0, 12, 0, 4] },
      th: { bold: true, color: '#333333' },
    },
  };
  return renderPdf(doc);
}
