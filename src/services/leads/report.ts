import { stringify } from 'csv-stringify/sync';
import ExcelJS from 'exceljs';
import type { Content, TDocumentDefinitions } from 'pdfmake/interfaces';
import type { Executor } from '../../db/database.ts';
import { listLeadLinks, listLeadsOfMission } from '../../db/leads.repository.ts';
import { listMeetingsOfMission, listParticipantDetails } from '../../db/meetings.repository.ts';
import type { MissionRow } from '../../db/missions.repository.ts';
import type { Language } from '../../domain/enums.ts';
import { SECTORS } from '../../domain/sectors.ts';
import { renderPdf } from '../pdf.ts';
import type { Impact } from './impact.service.ts';

const L = {
  fr: {
    report: 'Rapport d’impact',
    headline: 'En bref',
    signedValue: 'Valeur signée',
    confirmed: 'confirmée',
    declared: 'déclarée',
    confirmedJobs: 'confirmés',
    declaredJobs: 'déclarés',
    jobsActual: 'Emplois créés (réels)',
    jobsProjected: 'Emplois prévus (projetés, non additionnés aux réels)',
    leads: 'Pistes suivies',
    funnel: 'Du contact au contrat',
    stages: [
      'Organisations',
      'Demandes',
      'Acceptées',
      'Rendez-vous tenus',
      'Pistes',
      'En négociation',
      'Signées',
    ],
    bySector: 'Par filière',
    sector: 'Filière',
    signed: 'Signées',
    value: 'Valeur',
    partnership: 'Les missions du partenariat',
    mission: 'Mission',
    stories: 'Réussites publiées avec l’accord des entreprises',
    counterfactual: 'Sans la mission, cela serait-il arrivé ? (contrats signés)',
    cf: { yes: 'oui', partly: 'en partie', no: 'non', unknown: 'sans réponse' },
    method:
      'Méthode : chaque résultat compte une fois, même s’il vient de plusieurs rendez-vous ou missions. Les montants sont convertis au taux enregistré pour la mission. « Confirmé » : vérifié par l’équipe sur pièce ; « déclaré » : annoncé par l’entreprise.',
    unconverted: 'montants sans taux de change enregistré, non comptés',
    none: 'Sans filière',
  },
  en: {
    report: 'Impact report',
    headline: 'At a glance',
    signedValue: 'Signed value',
    confirmed: 'confirmed',
    declared: 'declared',
    confirmedJobs: 'confirmed',
    declaredJobs: 'declared',
    jobsActual: 'Jobs created (actual)',
    jobsProjected: 'Jobs projected (never added to actual)',
    leads: 'Leads followed',
    funnel: 'From contact to contract',
    stages: ['Organizations', 'Requests', 'Accepted', 'Meetings held', 'Leads', 'In negotiation', 'Signed'],
    bySector: 'By sector',
    sector: 'Sector',
    signed: 'Signed',
    value: 'Value',
    partnership: 'The partnership’s missions',
    mission: 'Mission',
    stories: 'Success stories published with the companies’ consent',
    counterfactual: 'Would it have happened without the mission? (signed contracts)',
    cf: { yes: 'yes', partly: 'partly', no: 'no', unknown: 'no answer' },
    method:
      'Method: each outcome counts once, even when it comes from several meetings or missions. Amounts are converted at the rate recorded for the mission. “Confirmed”: checked by the team against a document; “declared”: stated by the company.',
    unconverted: 'amounts without a recorded exchange rate, not counted',
    none: 'No sector',
  },
};

const sectorName = (code: string, lang: Language) => {
  const s = SECTORS.find((x) => x.code === code);
  return s ? (lang === 'fr' ? s.nameFr : s.nameEn) : L[lang].none;
};

// French groups digits with narrow no-break spaces, which the PDF font lacks: plain spaces print the same.
const plainSpaces = (s: string) => s.replace(/[\u202f\u00a0]/g, ' ');
export function money(v: number, currency: string, lang: Language): string {
  const f = new Intl.NumberFormat(lang === 'fr' ? 'fr-FR' : 'en-US', {
    style: 'currency',
    currency,
    maximumFractionDigits: 0,
  });
  return plainSpaces(f.format(v));
}
const num = (v: number, lang: Language) =>
  plainSpaces(new Intl.NumberFormat(lang === 'fr' ? 'fr-FR' : 'en-US').format(v));

/** The PDF for officials: headline figures, the funnel as bars, sectors, the partnership, stories. */
export async function impactPdf(impact: Impact, lang: Language): Promise<Buffer> {
  const t = L[lang];
  const cur = impact.mission.currency;
  const f = impact.funnel;
  const steps = [f.organizations, f.requests, f.accepted, f.held, f.leads, f.negotiation, f.signed];
  const top = Math.max(1, ...steps);
  const funnel: Content = {
    table: {
      widths: [120, '*', 50],
      body: steps.map((v, i) => [
        { text: t.stages[i] as string },
        { canvas: [{ type: 'rect', x: 0, y: 2, w: Math.max(1, (300 * v) / top), h: 10, color: '#0b4f6c' }] },
        { text: num(v, lang), alignment: 'right' },
      ]),
    },
    layout: 'noBorders',
  };
  const content: Content[] = [
    { text: impact.mission.title, style: 'mission' },
    { text: t.report, style: 'title' },
    { text: `${impact.mission.startsOn} – ${impact.mission.endsOn}`, style: 'note' },
    { text: t.headline, style: 'h2' },
    {
      columns: [
        {
          stack: [
            { text: money(impact.value.signedTotal, cur, lang), style: 'big' },
            {
              text: `${t.signedValue} — ${money(impact.value.signedConfirmed, cur, lang)} ${t.confirmed}, ${money(impact.value.signedDeclared, cur, lang)} ${t.declared}`,
              style: 'small',
            },
          ],
        },
        {
          stack: [
            { text: num(impact.jobs.actualTotal, lang), style: 'big' },
            {
              text: `${t.jobsActual} — ${impact.jobs.actualConfirmed} ${t.confirmedJobs}, ${impact.jobs.actualDeclared} ${t.declaredJobs}`,
              style: 'small',
            },
          ],
        },
        {
          stack: [
            { text: num(impact.jobs.projected, lang), style: 'big' },
            { text: t.jobsProjected, style: 'small' },
          ],
        },
        {
          stack: [
            { text: num(f.leads, lang), style: 'big' },
            { text: t.leads, style: 'small' },
          ],
        },
      ],
      columnGap: 12,
    },
    { text: t.funnel, style: 'h2' },
    funnel,
    { text: t.bySector, style: 'h2' },
    {
      table: {
        headerRows: 1,
        widths: ['*', 50, 50, 90, 50, 60],
        body: [
          [
            t.sector,
            t.leads,
            t.signed,
            t.value,
            t.jobsActual.split(' (')[0] as string,
            t.jobsProjected.split(' (')[0] as string,
          ].map((x) => ({ text: x, bold: true })),
          ...impact.bySector.map((s) => [
            sectorName(s.sector, lang),
            num(s.leads, lang),
            num(s.signed, lang),
            money(s.value, cur, lang),
            num(s.jobsActual, lang),
            num(s.jobsProjected, lang),
          ]),
        ],
      },
      layout: 'lightHorizontalLines',
    },
    { text: t.counterfactual, style: 'h2' },
    {
      text: (['no', 'partly', 'yes', 'unknown'] as const)
        .map((k) => `${t.cf[k]} : ${impact.counterfactual[k]}`)
        .join(' · '),
    },
    { text: t.partnership, style: 'h2' },
    {
      table: {
        headerRows: 1,
        widths: ['*', 50, 50, 90, 60],
        body: [
          [t.mission, t.leads, t.signed, t.value, t.jobsActual.split(' (')[0] as string].map((x) => ({
            text: x,
            bold: true,
          })),
          ...impact.partnership.map((m) => [
            m.title,
            num(m.funnel.leads, lang),
            num(m.funnel.signed, lang),
            money(m.value.signedTotal, cur, lang),
            num(m.jobs.actualTotal, lang),
          ]),
        ],
      },
      layout: 'lightHorizontalLines',
    },
  ];
  if (impact.stories.length > 0) {
    content.push({ text: t.stories, style: 'h2' });
    for (const s of impact.stories)
      content.push({
        text: [{ text: `${s.organizations.join(' · ')} — `, bold: true }, s.story],
        margin: [0, 0, 0, 6],
      });
  }
  content.push({ text: t.method, style: 'note', margin: [0, 16, 0, 0] });
  if (impact.unconverted > 0) content.push({ text: `${impact.unconverted} ${t.unconverted}`, style: 'note' });
  const doc: TDocumentDefinitions = {
    info: { title: `${t.report} — ${impact.mission.title}`, creator: 'Escale' },
    pageSize: 'A4',
    pageMargins: [40, 40, 40, 40],
    content,
    defaultStyle: { font: 'Roboto', fontSize: 10 },
    styles: {
      mission: { fontSize: 9, color: '#555555' },
      title: { fontSize: 20, bold: true, margin: [0, 2, 0, 2] },
      h2: { fontSize: 13, bold: true, margin: [0, 14, 0, 6] },
      big: { fontSize: 18, bold: true, color: '#0b4f6c' },
      small: { fontSize: 8, color: '#333333' },
      note: { fontSize: 8, color: '#555555' },
    },
  };
  return renderPdf(doc);
}

/** A workbook of every meeting and every lead of the mission, with the dashboard's figures. */
export async function impactWorkbook(db: Executor, mission: MissionRow, impact: Impact): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Escale';
  const summary = wb.addWorksheet('Dashboard');
  summary.addRow(['figure', 'value']);
  for (const [k, v] of Object.entries(impact.funnel)) summary.addRow([`funnel.${k}`, v]);
  for (const [k, v] of Object.entries(impact.value))
    summary.addRow([`value.${k} (${impact.mission.currency})`, v]);
  for (const [k, v] of Object.entries(impact.jobs)) summary.addRow([`jobs.${k}`, v]);
  const meetings = await listMeetingsOfMission(db, mission.id);
  const people = await listParticipantDetails(
    db,
    meetings.map((m) => m.id),
  );
  const ms = wb.addWorksheet('Meetings');
  ms.addRow(['id', 'status', 'starts_at', 'must_meet', 'organizations', 'people']);
  for (const m of meetings) {
    const p = people.filter((x) => x.meeting_id === m.id);
    ms.addRow([
      m.id,
      m.status,
      m.starts_at ?? '',
      m.must_meet === 1 ? 'yes' : 'no',
      [...new Set(p.map((x) => x.organization_name))].join('; '),
      p.map((x) => `${x.first_name} ${x.last_name}`).join('; '),
    ]);
  }
  const ls = wb.addWorksheet('Leads');
  for (const row of await leadTable(db, mission)) ls.addRow(row);
  for (const sheet of [summary, ms, ls]) sheet.getRow(1).font = { bold: true };
  return Buffer.from(await wb.xlsx.writeBuffer());
}

/** Every lead of the mission as rows, a header first: the workbook's sheet and the CSV export. */
export async function leadTable(db: Executor, mission: MissionRow): Promise<(string | number | null)[][]> {
  const leads = await listLeadsOfMission(db, mission.id);
  const links = await listLeadLinks(
    db,
    leads.map((l) => l.id),
  );
  const header = [
    'id',
    'title',
    'type',
    'stage',
    'sector',
    'side',
    'amount',
    'currency',
    'jobs_projected',
    'jobs_actual',
    'evidence',
    'counterfactual',
    'signed_on',
    'organizations',
    'meetings',
    'missions',
  ];
  return [
    header,
    ...leads.map((l) => [
      l.id,
      l.title,
      l.type,
      l.stage,
      l.sector_code ?? '',
      l.side,
      l.amount,
      l.currency ?? '',
      l.jobs_projected,
      l.jobs_actual,
      l.evidence,
      l.counterfactual ?? '',
      l.signed_on ?? '',
      links.organizations
        .filter((o) => o.lead_id === l.id)
        .map((o) => o.name)
        .join('; '),
      links.meetings.filter((m) => m.lead_id === l.id).length,
      links.missions
        .filter((m) => m.lead_id === l.id)
        .map((m) => m.slug)
        .join('; '),
    ]),
  ];
}

/** The leads as CSV (UTF-8 with a byte-order mark, so spreadsheets read the accents right). */
export async function leadsCsv(db: Executor, mission: MissionRow): Promise<string> {
  return `\ufeff${stringify(await leadTable(db, mission))}`;
}
