import { randomUUID } from 'node:crypto';

/** Ids are made in code so that both dialects share one schema. */
export const newId = (): string => randomUUID();
export const nowIso = (): string => new Date().toISOString();
