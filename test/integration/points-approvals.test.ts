/**
 * Adjustments over the admin's limits wait for a second person: request → another admin approves →
 * moved exactly once; rejected or lapsed requests move nothing; nobody approves their own request
 * or a credit to themselves; every attempt is in the audit trail. Through the real SDK.
 */
import { PERSONAS } from '../../core/demo/personas'
import { DEFAULT_LIMITS } from '../../core/points'
import { pointsFn } from '../../core/points/contract'
import { users } from '../../core/users/contract'
import { callAs, okAs, sdkDb, untilFinal } from '../support/call'
import { newGrid, newResident } from '../support/people'
import { balanceOf, requestId } from './points-support'

const ADMIN = PERSONAS.admin.openid
const { adjustLimit, adjustDailyLimit } = DEFAULT_LIMITS

/** Another admin, appointed by `by`, so approvals have someone other than the requester. */
async function newAdmin(by: string = ADMIN): Promise<string> {
  const { openid } = await newResident({ prefix: 'admin2' })
  await okAs(by, users.grantRole, { openid, role: 'admin' })
  return openid
}

async function transfersOf(adjustmentId: string) {
  const key = adjustmentId.replace(/^adj:/, '')
  return (await sdkDb().collection('points_transfers').where({ 'source.id': key }).get()).data as { _id: string; amount: number }[]
}

let staff: string
let resident: string
let admin2: string
beforeAll(async () => {
  const grid = await newGrid('appr')
  staff = grid.staff
  resident = (await newResident({ buildingId: grid.buildingId })).openid
  admin2 = await newAdmin()
})

test('within the limit an adjustment moves at once; over it, it waits and moves nothing', async () => {
  expect(await okAs(staff, pointsFn.adjust, { openid: resident, delta: adjustLimit, reason: '补发签到积分', requestId: requestId() })).toMatchObject({ status: 'done', balance: adjustLimit })
  const big = await okAs(staff, pointsFn.adjust, { openid: resident, delta: adjustLimit + 1, reason: '一次补发很多', requestId: requestId() })
  expect(big).toMatchObject({ status: 'pending', why: 'over_limit', balance: null, transferId: null })
  expect(await balanceOf(resident)).toBe(adjustLimit)
  expect(await transfersOf(big.adjustmentId)).toEqual([])
  // the requester sees it waiting; a 网格员 cannot approve at all
  expect((await okAs(staff, pointsFn.adjustments, { limit: 20, status: 'pending' })).items.find((a) => a.id === big.adjustmentId)).toMatchObject({ status: 'pending', decidable: false })
  expect(await callAs(staff, pointsFn.approveAdjustment, { id: big.adjustmentId })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } })

  const approved = await okAs(ADMIN, pointsFn.approveAdjustment, { id: big.adjustmentId })
  expect(approved).toMatchObject({ status: 'approved', decidedBy: ADMIN, balance: 2 * adjustLimit + 1 })
  expect(await callAs(admin2, pointsFn.approveAdjustment, { id: big.adjustmentId })).toMatchObject({ ok: false, error: { code: 'ADJUSTMENT_CLOSED' } })
  expect((await transfersOf(big.adjustmentId)).map((t) => t.amount)).toEqual([adjustLimit + 1])
  expect(await balanceOf(resident)).toBe(2 * adjustLimit + 1)
})

test('a staff member\'s day is limited: past it, adjustments wait for approval', async () => {
  const grid = await newGrid('day')
  const [a, b] = [await newResident({ buildingId: grid.buildingId }), await newResident({ buildingId: grid.buildingId })]
  // a refused transfer (nothing to debit) does not use up the day
  expect(await callAs(grid.staff, pointsFn.adjust, { openid: a.openid, delta: -adjustLimit, reason: '扣多了', requestId: requestId() })).toMatchObject({ ok: false, error: { code: 'INSUFFICIENT_POINTS' } })
  let used = 0
  while (used + adjustLimit <= adjustDailyLimit) {
    expect(await okAs(grid.staff, pointsFn.adjust, { openid: used % 2 ? a.openid : b.openid, delta: adjustLimit, reason: '补录服务积分', requestId: requestId() })).toMatchObject({ status: 'done' })
    used += adjustLimit
  }
  expect(used).toBe(adjustDailyLimit)
  const next = await okAs(grid.staff, pointsFn.adjust, { openid: a.openid, delta: 1, reason: '再补一点', requestId: requestId() })
  expect(next).toMatchObject({ status: 'pending', why: 'over_daily' })
})

test('nobody approves their own request, or a credit to themselves', async () => {
  const own = await okAs(ADMIN, pointsFn.adjust, { openid: resident, delta: adjustLimit + 5, reason: '管理员补发', requestId: requestId() })
  expect(await callAs(ADMIN, pointsFn.approveAdjustment, { id: own.adjustmentId })).toMatchObject({ ok: false, error: { code: 'SELF_APPROVAL' } })
  expect(await callAs(ADMIN, pointsFn.rejectAdjustment, { id: own.adjustmentId, note: '自己驳回' })).toMatchObject({ ok: false, error: { code: 'SELF_APPROVAL' } })
  // nor an admin they appointed; one appointed by someone else may
  expect(await callAs(admin2, pointsFn.approveAdjustment, { id: own.adjustmentId })).toMatchObject({ ok: false, error: { code: 'APPOINTEE_APPROVAL' } })
  const admin3 = await newAdmin(admin2)
  const before = await balanceOf(resident)
  expect(await okAs(admin3, pointsFn.approveAdjustment, { id: own.adjustmentId })).toMatchObject({ status: 'approved' })
  expect(await balanceOf(resident)).toBe(before + adjustLimit + 5)

  // a 网格员 asks to credit an admin (who lives in their grid): that admin may not approve it
  const grid = await newGrid('toadmin')
  const target = await newResident({ buildingId: grid.buildingId })
  await okAs(ADMIN, users.grantRole, { openid: target.openid, role: 'admin' })
  const forAdmin = await okAs(grid.staff, pointsFn.adjust, { openid: target.openid, delta: adjustLimit + 1, reason: '给管理员补发', requestId: requestId() })
  expect(await callAs(target.openid, pointsFn.approveAdjustment, { id: forAdmin.adjustmentId })).toMatchObject({ ok: false, error: { code: 'SELF_DEALING' } })
  expect(await balanceOf(target.openid)).toBe(0)
})

test('a rejected request moves nothing and cannot be approved afterwards', async () => {
  const req = await okAs(staff, pointsFn.adjust, { openid: resident, delta: adjustLimit + 2, reason: '补发活动积分', requestId: requestId() })
  const before = await balanceOf(resident)
  expect(await okAs(ADMIN, pointsFn.rejectAdjustment, { id: req.adjustmentId, note: '没有签到记录' })).toMatchObject({ status: 'rejected', decisionNote: '没有签到记录' })
  expect(await callAs(admin2, pointsFn.approveAdjustment, { id: req.adjustmentId })).toMatchObject({ ok: false, error: { code: 'ADJUSTMENT_CLOSED' } })
  expect(await balanceOf(resident)).toBe(before)
  expect(await transfersOf(req.adjustmentId)).toEqual([])
})

test('a request nobody decided within 7 days lapses and moves nothing', async () => {
  const req = await okAs(staff, pointsFn.adjust, { openid: resident, delta: adjustLimit + 3, reason: '补发上月积分', requestId: requestId() })
  await sdkDb().collection('points_adjustments').doc(req.adjustmentId).update({ data: { expiresAt: Date.now() - 1 } })
  const before = await balanceOf(resident)
  expect(await callAs(ADMIN, pointsFn.approveAdjustment, { id: req.adjustmentId })).toMatchObject({ ok: false, error: { code: 'ADJUSTMENT_EXPIRED' } })
  const all = await okAs(ADMIN, pointsFn.adjustments, { limit: 50, status: 'all' })
  expect(all.items.find((a) => a.id === req.adjustmentId)).toMatchObject({ status: 'expired', decidable: false })
  expect(await balanceOf(resident)).toBe(before)
})

test('the same request sent again is the same adjustment', async () => {
  const id = requestId()
  const rs = await Promise.all(Array.from({ length: 8 }, () => untilFinal(staff, pointsFn.adjust, { openid: resident, delta: adjustLimit + 4, reason: '重复提交', requestId: id })))
  expect(new Set(rs.map((r) => r.ok && r.data.adjustmentId)).size).toBe(1)
  expect(rs.every((r) => r.ok && r.data.status === 'pending')).toBe(true)
})

test('50 approvals of one request at once, by two admins: exactly one transfer', async () => {
  const req = await okAs(staff, pointsFn.adjust, { openid: resident, delta: adjustLimit + 7, reason: '并发审批测试', requestId: requestId() })
  const before = await balanceOf(resident)
  const rs = await Promise.all(Array.from({ length: 50 }, (_, i) => untilFinal(i % 2 ? ADMIN : admin2, pointsFn.approveAdjustment, { id: req.adjustmentId })))
  expect(rs.filter((r) => r.ok)).toHaveLength(1)
  expect(rs.filter((r) => !r.ok).every((r) => !r.ok && r.error.code === 'ADJUSTMENT_CLOSED')).toBe(true)
  expect((await transfersOf(req.adjustmentId)).map((t) => t.amount)).toEqual([adjustLimit + 7])
  expect(await balanceOf(resident)).toBe(before + adjustLimit + 7)
})

test('every attempt is in the audit trail, refusals included', async () => {
  const rid = requestId()
  await callAs(staff, pointsFn.adjust, { openid: staff, delta: 9, reason: '给自己加', requestId: rid })
  const log = await okAs(ADMIN, pointsFn.auditLog, { limit: 50 })
  const mine = log.items.find((e) => e.by === staff && (e.input as { requestId?: string } | null)?.requestId === rid)
  expect(mine).toMatchObject({ action: 'points.adjust', what: '调整积分', outcome: 'SELF_DEALING', message: expect.stringMatching(/不能给自己/) })
  expect(await callAs(staff, pointsFn.auditLog, { limit: 5 })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } })
})
