import { adjustTransfer, personAccountId, spendableBalance, type AccountState } from '../../../core/points'
import { pointsError, type pointsFn } from '../../../core/points/contract'
import { toCsv } from '../../../core/csv'
import type { UserDoc } from '../../../core/users/model'
import { isAdmin, isStaffOf, mustGridScope } from '../../../core/users/permissions'
import { USERS } from '../../../server/context'
import { getOrNull, rows, tx } from '../../../server/db'
import { ACCOUNTS, applyTransferOrThrow, communityId, DEFAULT_RULES, loadRules, rememberRules, RULES } from '../../../server/ledger'
import type { Handler } from '../../../server/runtime'

const EXPIRY_TEXT = '积分自获得当年起，到第二年12月31日24时过期（先用先到期的积分）'

/** Staff adjust with a reason; the transfer records who, when and why (the audit trail). */
export const adjust: Handler<typeof pointsFn.adjust> = async (ctx, input) => {
  const target = await getOrNull<UserDoc>(ctx.db, USERS, input.openid)
  if (!target) throw pointsError('TARGET_NOT_REGISTERED')
  if (!isAdmin(ctx.caller) && !isStaffOf(ctx.caller, target.gridId)) throw pointsError('OUT_OF_SCOPE')
  const req = adjustTransfer({
    communityId: communityId(),
    openid: input.openid,
    delta: input.delta,
    adjustmentId: `${ctx.openid}:${input.requestId}`,
    reason: `人工调整：${input.reason}`,
    operator: ctx.openid,
    at: ctx.now(),
  })
  const transfer = await tx(ctx.db, (t) => applyTransferOrThrow(t, req))
  const acc = await getOrNull<AccountState>(ctx.db, ACCOUNTS, personAccountId(input.openid))
  return { balance: spendableBalance(acc, ctx.now()), transferId: transfer._id }
}

const CSV_MAX = 1000

export const accounts: Handler<typeof pointsFn.accounts> = async (ctx, input) => {
  const scope = mustGridScope(ctx.caller, input.gridId)
  const _ = ctx.db.command
  const q = ctx.db.collection(USERS).where(scope === 'all' ? {} : { gridId: _.in(scope) }).orderBy('_id', 'asc')
  const size = input.csv ? 100 : input.pageSize
  const users: UserDoc[] = []
  for (let skip = input.csv ? 0 : (input.page - 1) * size; ; skip += size) {
    const page = await rows<UserDoc>(q.skip(skip).limit(size + 1))
    users.push(...page.slice(0, size))
    if (!input.csv || page.length <= size || users.length >= CSV_MAX) break
  }
  const hasMore = !input.csv && users.length === size && (await rows(q.skip(input.page * size).limit(1))).length > 0
  const balances = new Map<string, number>()
  const now = ctx.now()
  for (let i = 0; i < users.length; i += 100) {
    const ids = users.slice(i, i + 100).map((u) => personAccountId(u._id))
    for (const a of await rows<AccountState>(ctx.db.collection(ACCOUNTS).where({ _id: _.in(ids) }).limit(100))) balances.set(a._id, spendableBalance(a, now))
  }
  const items = users.map((u) => ({ openid: u._id, name: u.name, gridId: u.gridId, balance: balances.get(personAccountId(u._id)) ?? 0 }))
  const csv = input.csv ? toCsv(['用户编号', '姓名', '网格', '积分余额'], items.map((i) => [i.openid, i.name, i.gridId, i.balance])) : undefined
  return { items, hasMore, csv }
}

export const rules: Handler<typeof pointsFn.rules> = async (ctx) => ({ ...(await loadRules(ctx.db, { fresh: true })), expiry: EXPIRY_TEXT })

export const setRules: Handler<typeof pointsFn.setRules> = async (ctx, input) => {
  const data = { categoryPoints: input.categoryPoints, attendancePoints: input.attendancePoints, dailyCap: input.dailyCap, updatedBy: ctx.openid, updatedAt: ctx.now() }
  await ctx.db.collection(RULES).doc(communityId()).set({ data })
  rememberRules({ ...DEFAULT_RULES, ...data })
  return { ...data, expiry: EXPIRY_TEXT }
}
