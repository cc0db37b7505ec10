import { z } from 'zod';
import { IsoDateSchema, requiredText, SectorCodeSchema, text } from './schemas.ts';

export const LEAD_TYPES = [
  'export_sale',
  'investment',
  'partnership',
  'rd_collaboration',
  'recruitment',
  'other',
] as const;
export type LeadType = (typeof LEAD_TYPES)[number];
/** contact → follow_up → negotiation (a proposal or a negotiation) → signed; or abandoned with a reason. */
export const LEAD_STAGES = ['contact', 'follow_up', 'negotiation', 'signed', 'abandoned'] as const;
export type LeadStage = (typeof LEAD_STAGES)[number];
export const EVIDENCE = ['declared', 'confirmed'] as const;
/** The company's answer to "would this have happened without the mission?". */
export const COUNTERFACTUAL = ['yes', 'partly', 'no'] as const;

const Id = z.uuid('not an id');
const Currency = z.string().regex(/^[A-Z]{3}$/, 'a currency code such as EUR or USD');
const Amount = z.number().min(0, 'at least 0').max(1e12, 'too large');
const Jobs = z.int('a whole number').min(0, 'at least 0').max(1_000_000, 'too large');

const LeadFields = {
  title: requiredText(200),
  type: z.enum(LEAD_TYPES, `one of ${LEAD_TYPES.join(', ')}`),
  stage: z.enum(LEAD_STAGES, `one of ${LEAD_STAGES.join(', ')}`),
  abandonReason: text(500).nullable(),
  sectorCode: SectorCodeSchema.nullable(),
  amount: Amount.nullable(),
  currency: Currency.nullable(),
  jobsProjected: Jobs.nullable(),
  jobsActual: Jobs.nullable(),
  nextAction: text(500),
  nextActionDue: IsoDateSchema.nullable(),
  notes: text(10_000),
  counterfactual: z.enum(COUNTERFACTUAL, 'yes, partly or no').nullable(),
  signedOn: IsoDateSchema.nullable(),
  story: text(4000),
  storyPublic: z.boolean(),
  evidence: z.enum(EVIDENCE, 'declared or confirmed'),
  evidenceNote: text(500),
};

export const CreateLeadInputSchema = z.strictObject({
  ...LeadFields,
  title: requiredText(200).optional(),
  type: LeadFields.type.default('export_sale'),
  stage: LeadFields.stage.default('contact'),
  abandonReason: LeadFields.abandonReason.optional(),
  sectorCode: LeadFields.sectorCode.optional(),
  amount: LeadFields.amount.optional(),
  currency: LeadFields.currency.optional(),
  jobsProjected: LeadFields.jobsProjected.optional(),
  jobsActual: LeadFields.jobsActual.optional(),
  nextAction: LeadFields.nextAction.optional(),
  nextActionDue: LeadFields.nextActionDue.optional(),
  notes: LeadFields.notes.optional(),
  counterfactual: LeadFields.counterfactual.optional(),
  signedOn: LeadFields.signedOn.optional(),
  story: LeadFields.story.optional(),
  storyPublic: LeadFields.storyPublic.optional(),
  evidence: LeadFields.evidence.optional(),
  evidenceNote: LeadFields.evidenceNote.optional(),
  /** The held meetings it comes from; the first one prefills the title, parties and sector. */
  meetingIds: z.array(Id).max(20).default([]),
  /** Other organizations of the mission taking part (the caller's own is always one). */
  partnerOrganizationIds: z.array(Id).max(20).default([]),
  /** Other missions credited (a return mission, for instance). */
  missionSlugs: z.array(z.string().min(1).max(80)).max(10).default([]),
  /** Organizers create a lead on behalf of an organization. */
  ownerOrganizationId: Id.optional(),
});
export type CreateLeadInput = z.infer<typeof CreateLeadInputSchema>;

export const UpdateLeadInputSchema = z
  .strictObject(
    Object.fromEntries(Object.entries(LeadFields).map(([k, v]) => [k, v.optional()])) as {
      [K in keyof typeof LeadFields]: z.ZodOptional<(typeof LeadFields)[K]>;
    },
  )
  .extend({ meetingIds: z.array(Id).max(20).optional() });
export type UpdateLeadInput = z.infer<typeof UpdateLeadInputSchema>;

export const RateInputSchema = z.strictObject({
  currency: Currency,
  rate: z.number().positive('above 0').max(1e6),
  recordedOn: IsoDateSchema,
});
