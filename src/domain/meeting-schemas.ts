import { z } from 'zod';
import { EmailSchema, IsoDateSchema, requiredText, text } from './schemas.ts';

export const MEETING_LIMITS = {
  message: 1000,
  reason: 500,
  days: 14,
  tables: 2000,
  breaksPerDay: 10,
  unavailablePerPerson: 200,
  bulkPeople: 20_000,
  runSecondsMax: 300,
} as const;

const TimeSchema = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'a time as HH:MM');
const InstantSchema = z.iso.datetime({ offset: true, message: 'an ISO date-time with its offset or Z' });
const IdSchema = z.uuid('not an id');

export const SessionDayInputSchema = z
  .strictObject({
    day: IsoDateSchema,
    startsAt: TimeSchema,
    endsAt: TimeSchema,
    breaks: z
      .array(z.tuple([TimeSchema, TimeSchema]))
      .max(MEETING_LIMITS.breaksPerDay, `at most ${MEETING_LIMITS.breaksPerDay} breaks`)
      .default([]),
  })
  .refine((d) => d.endsAt > d.startsAt, { message: 'must end after it starts', path: ['endsAt'] })
  .refine((d) => d.breaks.every(([a, b]) => b > a), {
    message: 'each break must end after it starts',
    path: ['breaks'],
  });

export const SessionInputSchema = z.strictObject({
  title: requiredText(200),
  slotMinutes: z.int('a whole number of minutes').min(5, 'at least 5').max(240, 'at most 240'),
  fairness: z.int().min(0, 'at least 0').max(20, 'at most 20').default(2),
  days: z
    .array(SessionDayInputSchema)
    .min(1, 'at least one day')
    .max(MEETING_LIMITS.days, `at most ${MEETING_LIMITS.days} days`)
    .refine((ds) => new Set(ds.map((d) => d.day)).size === ds.length, 'each day once'),
  tables: z
    .array(z.strictObject({ name: requiredText(60), ownerPersonId: IdSchema.nullable().default(null) }))
    .min(1, 'at least one table')
    .max(MEETING_LIMITS.tables, `at most ${MEETING_LIMITS.tables} tables`)
    .refine(
      (ts) => new Set(ts.map((t) => t.name.toLowerCase())).size === ts.length,
      'table names must differ',
    ),
});
export type SessionInput = z.infer<typeof SessionInputSchema>;

export const MeetingRequestInputSchema = z.strictObject({
  recipientPersonId: IdSchema,
  message: text(MEETING_LIMITS.message).default(''),
  sessionId: IdSchema.optional(),
});

export const DeclineInputSchema = z.strictObject({ reason: text(MEETING_LIMITS.reason).optional() });

export const CreateMeetingInputSchema = z.strictObject({
  personIds: z
    .array(IdSchema)
    .min(2, 'a meeting has 2 to 4 participants')
    .max(4, 'a meeting has 2 to 4 participants')
    .refine((ids) => new Set(ids).size === ids.length, 'each participant once'),
  mustMeet: z.boolean().default(false),
  sessionId: IdSchema.optional(),
});

export const MoveMeetingInputSchema = z.strictObject({
  slotIndex: z.int().min(0, 'at least 0'),
  tableId: IdSchema,
});

export const AttendanceInputSchema = z.strictObject({
  status: z.enum(['held', 'no_show'], 'held or no_show'),
});

const UnavailableSchema = z
  .strictObject({ startsAt: InstantSchema, endsAt: InstantSchema })
  .refine((u) => Date.parse(u.endsAt) > Date.parse(u.startsAt), {
    message: 'must end after it starts',
    path: ['endsAt'],
  });

export const AvailabilityInputSchema = z.strictObject({
  presenceDays: z.array(IsoDateSchema).max(60).optional(),
  unavailable: z.array(UnavailableSchema).max(MEETING_LIMITS.unavailablePerPerson).optional(),
});
export type AvailabilityInput = z.infer<typeof AvailabilityInputSchema>;

export const BulkAvailabilityInputSchema = z.strictObject({
  people: z
    .array(AvailabilityInputSchema.extend({ email: EmailSchema }))
    .min(1, 'at least one person')
    .max(MEETING_LIMITS.bulkPeople),
});

const Weight = z.number().min(0, 'at least 0').max(10, 'at most 10');
export const MatchingSettingsSchema = z.strictObject({
  weights: z
    .strictObject({ sectors: Weight, offerRequest: Weight, text: Weight, countries: Weight })
    .partial()
    .optional(),
  requestExpiryHours: z
    .int()
    .min(0, 'at least 0')
    .max(24 * 366, 'at most 8784 hours (a year)')
    .optional(),
  maxPendingRequests: z.int().min(1).max(1000).optional(),
});

export const RunInputSchema = z.strictObject({
  timeLimitSeconds: z.int().min(1).max(MEETING_LIMITS.runSecondsMax).default(20),
});

export const NOTIFICATION_MODES = ['immediate', 'daily', 'off'] as const;
export const NotificationModeInputSchema = z.strictObject({
  mode: z.enum(NOTIFICATION_MODES, 'immediate, daily or off'),
});

export const MEETING_STATUSES = ['unscheduled', 'scheduled', 'held', 'no_show', 'cancelled'] as const;
export type MeetingStatus = (typeof MEETING_STATUSES)[number];
export const REQUEST_STATUSES = ['pending', 'accepted', 'declined', 'withdrawn', 'expired'] as const;
export type RequestStatus = (typeof REQUEST_STATUSES)[number];
