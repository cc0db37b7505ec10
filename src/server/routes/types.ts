import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { AppContext } from '../../services/context.ts';

const typed = (app: FastifyInstance) => app.withTypeProvider<ZodTypeProvider>();
export type App = ReturnType<typeof typed>;

/** A feature's routes: registered on the typed app with the shared context. */
export type Routes = (app: App, ctx: AppContext) => void;
