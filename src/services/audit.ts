import { type AuditEntry, insertAuditEntries } from '../db/audit.repository.ts';
import type { Executor } from '../db/database.ts';
import type { Actor } from './actor.ts';

/** Records one change of one entity, by the caller, in the caller's transaction. */
export async function auditChange(
  trx: Executor,
  actor: Actor | undefined,
  missionId: string,
  entity: string,
  entityId: string,
  action: AuditEntry['action'],
  changes: Record<string, unknown>,
): Promise<void> {
  await insertAuditEntries(trx, [
    { userId: actor?.userId ?? null, missionId, entity, entityId, action, changes },
  ]);
}
