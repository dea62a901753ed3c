/** The daily report limit through the real SDK: a burst of reports from one resident leaves exactly five cases; staff are not limited. */
import { disputesFn } from '../../core/disputes/contract'
import { REPORTS_PER_DAY } from '../../core/disputes/limits'
import { okAs, sdkDb, untilFinal } from '../support/call'
import { disputeWorld, type DisputeWorld } from './disputes-support'

let w: DisputeWorld
beforeAll(async () => {
  w = await disputeWorld()
})

const input = (n: number) => ({ category: 'noise' as const, title: `楼上吵闹第${n}次`, detail: '楼上每晚拖椅子。', others: [{ name: '楼上住户', side: 'respondent' as const, room: '502' }] })
const casesBy = async (openid: string) => (await sdkDb().collection('disputes').where({ reportedBy: openid }).limit(100).get()).data.length

test('40 reports at once from one resident: five cases, the rest TOO_MANY_REPORTS, the day counted once each', async () => {
  const resident = await w.person()
  const rs = await Promise.all(Array.from({ length: 40 }, (_, n) => untilFinal(resident, disputesFn.report, input(n))))
  const codes = rs.map((r) => (r.ok ? 'OK' : r.error.code))
  expect(codes.filter((c) => c === 'OK')).toHaveLength(REPORTS_PER_DAY)
  expect(codes.filter((c) => c === 'TOO_MANY_REPORTS')).toHaveLength(40 - REPORTS_PER_DAY)
  expect(await casesBy(resident)).toBe(REPORTS_PER_DAY)
  const days = (await sdkDb().collection('dispute_reporters').where({ openid: resident }).get()).data as { count: number }[]
  expect(days.map((d) => d.count)).toEqual([REPORTS_PER_DAY])
  const refused = rs.find((r) => !r.ok)
  expect(refused).toMatchObject({ ok: false, error: { code: 'TOO_MANY_REPORTS', message: expect.stringContaining('明天') } })
})

test('a 网格员 logging cases for neighbours is not limited', async () => {
  for (let n = 0; n <= REPORTS_PER_DAY; n++) {
    await okAs(w.staff, disputesFn.report, { ...input(n), source: 'proactive', onBehalfOf: { name: `邻居${n}`, buildingId: w.s.buildingId, room: `70${n}` } })
  }
  expect(await casesBy(w.staff)).toBe(REPORTS_PER_DAY + 1)
})
