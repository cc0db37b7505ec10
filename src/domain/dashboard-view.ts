/** The impact dashboard as the API answers it: shared by the services and the web app. */

export interface Totals {
  leads: number;
  signed: number;
  /** Signed value in the reporting currency (amounts without a recorded rate left out). */
  value: number;
  jobsActual: number;
  jobsProjected: number;
}

/** Every figure of a mission's impact dashboard; value in the mission's reporting currency. */
export interface Dashboard {
  mission: { slug: string; title: string; currency: string; startsOn: string; endsOn: string };
  funnel: {
    organizations: number;
    requests: number;
    accepted: number;
    held: number;
    leads: number;
    negotiation: number;
    signed: number;
  };
  value: { signedConfirmed: number; signedDeclared: number; signedTotal: number; openPipeline: number };
  jobs: { actualConfirmed: number; actualDeclared: number; actualTotal: number; projected: number };
  /** Of the signed leads: would this have happened without the mission? */
  counterfactual: { yes: number; partly: number; no: number; unknown: number };
  bySector: (Totals & { sector: string })[];
  bySide: (Totals & { side: string })[];
  byMonth: { month: string; signed: number; value: number }[];
  /** Leads with an amount in a currency that has no recorded rate: their value is not counted. */
  unconverted: number;
  stories: { title: string; story: string; sector: string | null; organizations: string[] }[];
}

/** The dashboard with the partnership's missions beside it. */
export interface Impact extends Dashboard {
  partnership: {
    slug: string;
    title: string;
    startsOn: string;
    funnel: Dashboard['funnel'];
    value: Dashboard['value'];
    jobs: Dashboard['jobs'];
  }[];
}
