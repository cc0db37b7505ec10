import { z } from 'zod';
import { LANGUAGES, ORGANIZATION_KINDS, SIDES } from './enums.ts';
import { LIMITS } from './limits.ts';
import { SECTOR_CODES } from './sectors.ts';

export const text = (max: number) => z.string().trim().max(max, `at most ${max} characters`);
export const requiredText = (max: number) => text(max).min(1, 'must not be empty');

export const SlugSchema = z
  .string()
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'lower-case letters, digits and single hyphens')
  .max(80, 'at most 80 characters');
export const IsoDateSchema = z.iso.date('a date as YYYY-MM-DD');
export const EmailSchema = z
  .string()
  .trim()
  .max(LIMITS.email, `at most ${LIMITS.email} characters`)
  .pipe(z.email('not a valid e-mail address'))
  .transform((e) => e.toLowerCase());
export const SectorCodeSchema = z.enum(SECTOR_CODES as [string, ...string[]], 'not a sector code');
export const LanguageSchema = z.enum(LANGUAGES, 'fr or en');
export const SideSchema = z.enum(SIDES, 'delegation or host');
export const OrganizationKindSchema = z.enum(ORGANIZATION_KINDS, `one of ${ORGANIZATION_KINDS.join(', ')}`);
export const WebsiteSchema = z.union([
  z.literal(''),
  z.url({ protocol: /^https?$/, error: 'an http(s) address' }).max(LIMITS.url),
]);

export function isValidTimeZone(tz: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: tz });
    return tz.length > 0;
  } catch {
    return false;
  }
}
export const TimeZoneSchema = z
  .string()
  .refine(isValidTimeZone, 'not an IANA time zone such as Europe/Paris');

export const CreateMissionInputSchema = z
  .strictObject({
    slug: SlugSchema,
    title: requiredText(LIMITS.shortText),
    origin: requiredText(LIMITS.shortText),
    host: requiredText(LIMITS.shortText),
    timezone: TimeZoneSchema,
    startsOn: IsoDateSchema,
    endsOn: IsoDateSchema,
    reportingCurrency: z
      .string()
      .regex(/^[A-Z]{3}$/, 'a three-letter currency code')
      .default('EUR'),
    sectors: z.array(SectorCodeSchema).max(12).optional(),
  })
  .refine((m) => m.endsOn >= m.startsOn, { path: ['endsOn'], message: 'must not be before startsOn' });
export type CreateMissionInput = z.input<typeof CreateMissionInputSchema>;

export const SignInInputSchema = z.strictObject({
  email: EmailSchema,
  password: z.string().min(1, 'must not be empty').max(LIMITS.passwordMax),
});
export const SignInLinkRequestSchema = z.strictObject({ email: EmailSchema });
export const SignInLinkConsumeSchema = z.strictObject({ token: z.string().min(20).max(200) });

export const PasswordSchema = z
  .string()
  .min(LIMITS.passwordMin, `at least ${LIMITS.passwordMin} characters`)
  .max(LIMITS.passwordMax, `at most ${LIMITS.passwordMax} characters`);

export const OpportunityInputSchema = z.strictObject({
  kind: z.enum(['offer', 'request'], 'offer or request'),
  text: requiredText(LIMITS.opportunityText),
  language: LanguageSchema,
});

export const UpdateOrganizationInputSchema = z.strictObject({
  description: text(LIMITS.description).optional(),
  descriptionLanguage: LanguageSchema.optional(),
  website: WebsiteSchema.optional(),
  city: text(LIMITS.shortText).optional(),
  sectors: z.array(SectorCodeSchema).max(LIMITS.sectorsPerOrganization).optional(),
  /** Countries the organization wants to work with, as it names them (matched without case). */
  targetCountries: z.array(requiredText(60)).max(30, 'at most 30 countries').optional(),
  opportunities: z
    .array(OpportunityInputSchema)
    .max(LIMITS.opportunitiesPerKind * 2)
    .optional(),
});
export type UpdateOrganizationInput = z.infer<typeof UpdateOrganizationInputSchema>;

export const UpdatePersonInputSchema = z.strictObject({
  firstName: requiredText(LIMITS.shortText).optional(),
  lastName: requiredText(LIMITS.shortText).optional(),
  title: text(LIMITS.shortText).optional(),
  language: LanguageSchema.optional(),
});
export type UpdatePersonInput = z.infer<typeof UpdatePersonInputSchema>;

export const DirectoryQuerySchema = z.strictObject({
  q: text(LIMITS.searchQuery).optional(),
  sector: SectorCodeSchema.optional(),
  side: SideSchema.optional(),
  page: z.coerce.number().int().min(1).max(100_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(LIMITS.pageSizeMax).default(LIMITS.pageSizeDefault),
});
export type DirectoryQuery = z.infer<typeof DirectoryQuerySchema>;

export const CreateUserInputSchema = z.strictObject({
  email: EmailSchema,
  password: PasswordSchema.optional(),
  displayName: requiredText(LIMITS.shortText),
  isAdmin: z.boolean().default(false),
});
export type CreateUserInput = z.input<typeof CreateUserInputSchema>;

export const GrantRoleInputSchema = z.strictObject({
  email: EmailSchema,
  role: z.enum(['organizer', 'participant', 'official'], 'organizer, participant or official'),
});

export const CreateApiTokenInputSchema = z.strictObject({ name: requiredText(100) });

export const ExportFormatSchema = z.enum(['csv', 'xlsx'], 'csv or xlsx');
