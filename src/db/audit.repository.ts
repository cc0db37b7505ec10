import type { Executor } from './database.ts';
import { newId, nowIso } from './ids.ts';

export interface AuditEntry {
  userId: string | null;
  missionId: string | null;
  entity: string;
  entityId: string;
  action:
    | 'create'
    | 'update'
    | 'delete'
    | 'import'
    | 'sign_in'
    | 'sign_out'
    | 'grant'
    | 'accept'
    | 'decline'
    | 'withdraw'
    | 'cancel'
    | 'move'
    | 'attendance'
    | 'publish';
  changes: Record<string, unknown>;
}

const CHUNK = 500;

export async function insertAuditEntries(db: Executor, entries: AuditEntry[]): Promise<void> {
  const at = nowIso();
  for (let i = 0; i < entries.length; i += CHUNK) {
    const rows = entries.slice(i, i + CHUNK).map((e) => ({
      id: newId(),
      at,
      user_id: e.userId,
      mission_id: e.missionId,
      entity: e.entity,
      entity_id: e.entityId,
      action: e.action,
      changes: JSON.stringify(e.changes),
    }));
    await db.insertInto('audit_log').values(rows).execute();
  }
}
