import { z } from 'zod';

export const SURVEY_OUTCOMES = ['no_further_contact', 'in_discussion', 'negotiating', 'signed'] as const;

const Answer = z.strictObject({
  meetingId: z.uuid('not a meeting id'),
  outcome: z.enum(SURVEY_OUTCOMES, `one of ${SURVEY_OUTCOMES.join(', ')}`),
  amount: z.number().min(0, 'at least 0').max(1e12).optional(),
  currency: z
    .string()
    .regex(/^[A-Z]{3}$/, 'a currency code such as EUR')
    .optional(),
  jobsActual: z.int().min(0).max(1_000_000).optional(),
  jobsProjected: z.int().min(0).max(1_000_000).optional(),
  counterfactual: z.enum(['yes', 'partly', 'no']).optional(),
});
export type SurveyAnswer = z.infer<typeof Answer>;

export const SurveyAnswersSchema = z.strictObject({
  answers: z.array(Answer).min(1, 'at least one answer').max(200),
});

export const PlanSurveysSchema = z.strictObject({
  offsetsDays: z
    .array(z.int().min(0, 'at least 0').max(3650, 'at most ten years'))
    .min(1)
    .max(10)
    .default([7, 182, 365]),
});
