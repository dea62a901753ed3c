/**
 * Auth matrices, reusable by every feature: a table of action × caller → allowed or refused.
 *
 *   describeAuthMatrix('users', callers, {
 *     grantRole: { input: async () => ({ openid: await freshTarget(), role: 'admin' }), allow: ['admin'] },
 *   }, users)
 *
 * "allowed" means the call got past the role and scope checks: ok, or a feature outcome such as
 * NOT_FOUND / ALREADY_REVIEWED. "refused" means NOT_REGISTERED (guest), FORBIDDEN, OTHER_COMMUNITY
 * (another community's data), or one of the row's extra `denyCodes` (e.g. OUT_OF_SCOPE). `roleGateCases` derives the role half of any matrix
 * from the contracts alone, so every registered action is covered without writing a row.
 */
import type { ActionContract, FunctionContract } from '../../core/contract/define'
import { mayCall, type Role } from '../../core/contract/roles'
import { PERSONAS } from '../../core/demo/personas'
import { callAs } from './call'
import { HP, otherStreet } from './communities'

/** Refusals of the role and scope checks; OTHER_COMMUNITY: the data belongs to another community. */
export const REFUSALS = ['NOT_REGISTERED', 'FORBIDDEN', 'UNAUTHENTICATED', 'OTHER_COMMUNITY']

export interface MatrixCaller {
  /** An OPENID, or a function giving one per call (e.g. a fresh guest). */
  openid: string | (() => string | Promise<string>)
  roles: Role[]
}

/**
 * The demo personas as callers (their seeded roles). The newcomer is a guest. Besides 幸福里's own:
 * 和平's 网格员 and admin, the street admin of 幸福街道 and the street admin of another street.
 */
export const PERSONA_CALLERS: Record<string, MatrixCaller> = {
  guest: { openid: PERSONAS.newcomer.openid, roles: ['guest'] },
  resident: { openid: PERSONAS.residentWang.openid, roles: ['resident'] },
  volunteer: { openid: PERSONAS.volunteerLi.openid, roles: ['resident', 'volunteer'] },
  staffG1: { openid: PERSONAS.staffZhang.openid, roles: ['resident', 'staff'] },
  staffG2: { openid: PERSONAS.staffChen.openid, roles: ['resident', 'staff'] },
  lead: { openid: PERSONAS.leadZhao.openid, roles: ['resident', 'building_lead'] },
  admin: { openid: PERSONAS.admin.openid, roles: ['resident', 'admin'] },
  staffOther: { openid: PERSONAS.staffHeping.openid, roles: ['resident', 'staff'] },
  adminOther: { openid: HP.admin, roles: ['resident', 'admin'] },
  streetSame: { openid: PERSONAS.streetAdmin.openid, roles: ['resident', 'street_admin'] },
  streetOther: { openid: async () => (await otherStreet()).admin, roles: ['resident', 'street_admin'] },
}

export interface MatrixRow {
  /** The payload for this call; may set up fresh data (it runs once per caller). */
  input: (caller: string) => unknown | Promise<unknown>
  /** Caller names that may do it; everyone else must be refused. */
  allow: readonly string[]
  /** Feature codes that also count as a refusal for this action. */
  denyCodes?: readonly string[]
}

export type Outcome = 'allowed' | 'refused' | `unexpected ${string}`

export async function outcomeOf(c: ActionContract, openid: string, input: unknown, denyCodes: readonly string[] = []): Promise<Outcome> {
  const r = await callAs(openid, c, input)
  if (r.ok) return 'allowed'
  if (REFUSALS.includes(r.error.code) || denyCodes.includes(r.error.code)) {
    // A refusal must say what to do in plain Chinese, never a raw code.
    return /[\u4e00-\u9fa5]/.test(r.error.message) ? 'refused' : `unexpected non-Chinese message ${r.error.message}`
  }
  if (r.error.code === 'INTERNAL' || r.error.code === 'INVALID_INPUT') return `unexpected ${r.error.code} ${JSON.stringify(r.error.details ?? '')}`
  return 'allowed'
}

const resolve = async (o: MatrixCaller['openid']) => (typeof o === 'function' ? o() : o)

/** One test per action × caller, asserting allowed/refused as the table says. */
export function describeAuthMatrix<F extends FunctionContract>(
  title: string,
  callers: Record<string, MatrixCaller>,
  rows: { [K in keyof F]?: MatrixRow },
  contracts: F,
): void {
  describe(`${title} auth matrix`, () => {
    const cases = Object.entries(rows).flatMap(([action, row]) =>
      Object.keys(callers).map((who) => [`${action} × ${who}`, contracts[action], row as MatrixRow, who] as const),
    )
    test.each(cases)('%s', async (_name, c, row, who) => {
      const openid = await resolve(callers[who].openid)
      const got = await outcomeOf(c, openid, await row.input(openid), row.denyCodes)
      expect(got).toBe(row.allow.includes(who) ? 'allowed' : 'refused')
    })
  })
}

/** The role half of the matrix for any actions: callers outside a contract's roles are refused, whatever the payload. */
export function roleGateCases(actions: readonly ActionContract[], callers: Record<string, MatrixCaller> = PERSONA_CALLERS) {
  return actions.flatMap((c) =>
    Object.entries(callers)
      .filter(([, caller]) => !mayCall(c.roles, caller.roles))
      .map(([who, caller]) => [`${c.fn}.${c.action} × ${who}`, c, caller] as const),
  )
}
