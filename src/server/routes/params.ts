import { z } from 'zod';

/** Path parameters shared by the feature routes. */
export const Slug = z.string().min(1).max(80);
export const SlugParams = z.strictObject({ slug: Slug });
export const idParams = <K extends string>(name: K, what: string) =>
  z.strictObject({ slug: Slug, [name]: z.uuid(`not a ${what} id`) } as { slug: typeof Slug } & Record<
    K,
    z.ZodUUID
  >);
