/**
 * The audit trail: every call of an action marked `audit` in its contract — allowed or refused — is
 * one document in `audit_log`: who (the OPENID the platform gave), when, what (the parsed input),
 * and the outcome ('ok' or the refusal's code and message). Written by the router, so no handler can
 * forget it; a failed write is logged and never fails the call it records.
 */
import { AUDIT } from '../core/collections'
import { randomBytes } from 'node:crypto'
import type { ActionContract } from '../core/contract/define'
import type { Db } from './db'

export { AUDIT }

export interface AuditDoc {
  _id: string
  /** The community the caller acted in (null: a caller without one, e.g. a guest). */
  communityId: string | null
  fn: string
  action: string
  /** What was done, in Chinese: the first clause of the action's summary ("调整积分"). */
  what: string
  by: string
  at: number
  input: Record<string, unknown> | null
  outcome: string
  message: string | null
}

/** Sortable by time: newest first with `orderBy('_id', 'desc')` too. */
const auditId = (at: number) => `${at.toString(36).padStart(9, '0')}${randomBytes(4).toString('hex')}`

export async function recordAudit(
  db: Db,
  c: ActionContract,
  entry: { by: string; communityId: string | null; at: number; input: unknown; outcome: string; message?: string },
  log: (message: string, extra?: unknown) => void,
): Promise<void> {
  const input = entry.input && typeof entry.input === 'object' && !Array.isArray(entry.input) ? (entry.input as Record<string, unknown>) : null
  const what = c.summary.split(/[（：，；(]/)[0]
  const doc: Omit<AuditDoc, '_id'> = { communityId: entry.communityId, fn: c.fn, action: c.action, what, by: entry.by, at: entry.at, input, outcome: entry.outcome, message: entry.message ?? null }
  try {
    await db.collection(AUDIT).doc(auditId(entry.at)).set({ data: doc })
  } catch (err) {
    log(`audit record of ${c.fn}.${c.action} failed`, err)
  }
}
