import type { Impact } from '../domain/dashboard-view.ts';

export type { Impact };

export interface Lead {
  id: string;
  title: string;
  type: string;
  stage: 'contact' | 'follow_up' | 'negotiation' | 'signed' | 'abandoned';
  abandonReason: string | null;
  sectorCode: string | null;
  side: string;
  ownerOrganizationId: string;
  amount: number | null;
  currency: string | null;
  jobsProjected: number | null;
  jobsActual: number | null;
  nextAction: string;
  nextActionDue: string | null;
  notes: string;
  evidence: 'declared' | 'confirmed';
  evidenceNote: string;
  counterfactual: 'yes' | 'partly' | 'no' | null;
  signedOn: string | null;
  story: string;
  storyPublic: boolean;
  organizations: { id: string; name: string }[];
  meetingIds: string[];
  missions: { slug: string; title: string }[];
  updatedAt: string;
  history?: { at: string; by: string | null; source: string; changes: Record<string, unknown> }[];
}
