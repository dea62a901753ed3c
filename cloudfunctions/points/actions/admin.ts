import { personAccountId, planLimits, spendableBalance, type AccountState, type PendingLimits } from '../../../core/points'
import type { pointsFn } from '../../../core/points/contract'
import { toCsv } from '../../../core/csv'
import type { UserDoc } from '../../../core/users/model'
import { mustGridScope } from '../../../core/users/permissions'
import { USERS } from '../../../server/context'
import { rows } from '../../../server/db'
import { ACCOUNTS, DEFAULT_RULES, loadRules, rememberRules, RULES, type PointsRules } from '../../../server/ledger'
import { allBy, pageBy } from '../../../server/paging'
import { mustPlace } from '../../../server/community'
import { commonError } from '../../../core/contract/errors'
import type { Handler } from '../../../server/runtime'

const EXPIRY_TEXT = '积分自获得当年起，到第二年12月31日24时过期（先用先到期的积分）'

const CSV_MAX = 1000

export const accounts: Handler<typeof pointsFn.accounts> = async (ctx, input) => {
  const scope = mustGridScope(ctx.caller, input.gridId)
  const _ = ctx.db.command
  const { communityId } = mustPlace(ctx.caller)
  // the residents list's order (registration): sortKey is on declared indexes, after communityId (and gridId)
  const people = { collection: USERS, where: scope === 'all' ? { communityId } : { communityId, gridId: _.in(scope) }, key: 'sortKey', dir: 'asc' as const }
  // the export reads from the start, up to CSV_MAX people (`next` then says more are left out)
  const { items: users, next } = input.csv ? await allBy<UserDoc>(ctx.db, people, { max: CSV_MAX }) : await pageBy<UserDoc>(ctx.db, input, people)
  const balances = new Map<string, number>()
  const now = ctx.now()
  for (let i = 0; i < users.length; i += 100) {
    const ids = users.slice(i, i + 100).map((u) => personAccountId(u._id))
    for (const a of await rows<AccountState>(ctx.db.collection(ACCOUNTS).where({ _id: _.in(ids) }).limit(100))) balances.set(a._id, spendableBalance(a, now))
  }
  const items = users.map((u) => ({ openid: u._id, name: u.name, gridId: u.gridId, balance: balances.get(personAccountId(u._id)) ?? 0 }))
  const csv = input.csv ? toCsv(['用户编号', '姓名', '网格', '积分余额'], items.map((i) => [i.openid, i.name, i.gridId, i.balance])) : undefined
  return { items, next, csv }
}

export const rules: Handler<typeof pointsFn.rules> = async (ctx) => view(await loadRules(ctx.db, mustPlace(ctx.caller), { fresh: true }))

const view = (r: PointsRules) => ({ ...r, pendingLimits: r.pendingLimits && { adjustLimit: r.pendingLimits.adjustLimit, adjustDailyLimit: r.pendingLimits.adjustDailyLimit, effectiveAt: r.pendingLimits.effectiveAt }, expiry: EXPIRY_TEXT })

/**
 * Limits left out of the input keep their current values (an older page cannot loosen them by
 * omission); lowered adjustment limits apply at once, raised ones a day later (planLimits).
 */
export const setRules: Handler<typeof pointsFn.setRules> = async (ctx, input) => {
  const at = mustPlace(ctx.caller)
  const street = input.level === 'street'
  if (!ctx.roles.includes(street ? 'street_admin' : 'admin')) throw commonError('FORBIDDEN')
  const current = await loadRules(ctx.db, at, { fresh: true })
  const wanted = { adjustLimit: input.adjustLimit ?? current.adjustLimit, adjustDailyLimit: input.adjustDailyLimit ?? current.adjustDailyLimit }
  // limits left as they are keep a raise that is already waiting (saving other rules does not cancel it)
  const same = wanted.adjustLimit === current.adjustLimit && wanted.adjustDailyLimit === current.adjustDailyLimit
  const plan = same ? { now: wanted, pending: current.pendingLimits } : planLimits(current, wanted, ctx.openid, ctx.now())
  const data: Omit<PointsRules, 'pendingLimits'> & { pendingLimits: PendingLimits | null; updatedBy: string; updatedAt: number } = {
    categoryPoints: input.categoryPoints,
    attendancePoints: input.attendancePoints,
    dailyCap: input.dailyCap,
    ...plan.now,
    walkInLimit: input.walkInLimit ?? current.walkInLimit,
    pendingLimits: plan.pending,
    updatedBy: ctx.openid,
    updatedAt: ctx.now(),
  }
  // a community's rules are stored under its id; the street's default (for communities without their own) under street:<id>
  await ctx.db.collection(RULES).doc(street ? `street:${at.streetId}` : at.communityId).set({ data: { ...data, ...(street ? { streetId: at.streetId } : at) } })
  rememberRules(at, street ? null : { ...DEFAULT_RULES, ...data })
  return view(data)
}
