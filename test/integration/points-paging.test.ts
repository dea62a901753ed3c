/**
 * The 爱心银行 lists page by a cursor: a statement, adjustments and the audit trail (newest first)
 * give each row once while new ones are written between pages; the accounts of a grid (oldest first)
 * give each person once while people join, and the CSV export reads the whole grid batch by batch.
 */
import { parse } from 'csv-parse/sync'
import { pointsFn } from '../../core/points/contract'
import { okAs } from '../support/call'
import { expectEachOnce, walkPages } from '../support/paging'
import { newGrid, newResident } from '../support/people'
import { makeUsers } from './orders-support'
import { ADMIN, credit, requestId } from './points-support'

const newestFirst = (times: number[]) => expect(times).toEqual([...times].sort((a, b) => b - a))

describe('points lists page by a cursor', () => {
  let own: Awaited<ReturnType<typeof newGrid>>
  let resident: string
  const asked: string[] = []
  const adjust = async () => {
    const id = requestId()
    await okAs(own.staff, pointsFn.adjust, { openid: resident, delta: 1, reason: '分页测试', requestId: id })
    asked.push(id)
  }

  beforeAll(async () => {
    own = await newGrid('points')
    resident = (await newResident({ buildingId: own.buildingId })).openid
    for (let i = 0; i < 7; i++) await adjust()
  })

  it('a statement: newest first, each movement once, while points keep coming', async () => {
    for (let i = 0; i < 5; i++) await credit([resident], 2)
    const before = (await walkPages((cursor) => okAs(resident, pointsFn.statement, { cursor, limit: 50 }))).map((e) => e.id)
    const seen = await walkPages((cursor) => okAs(resident, pointsFn.statement, { cursor, limit: 3 }), { between: () => credit([resident], 1) })
    expect(before.length).toBeGreaterThan(3)
    expectEachOnce(seen.map((e) => e.id), before)
    newestFirst(seen.map((e) => e.at))
  })

  it('adjustments a 网格员 asked for: newest first, each once, while more are asked for', async () => {
    const initial = asked.map((id) => `adj:${own.staff}:${id}`)
    const seen = await walkPages((cursor) => okAs(own.staff, pointsFn.adjustments, { cursor, limit: 3 }), { between: adjust })
    expectEachOnce(seen.map((a) => a.id), initial)
    newestFirst(seen.map((a) => a.createdAt))
  })

  it('the audit trail of one action: newest first, each entry once, while more are recorded', async () => {
    const mine = new Set(asked)
    const ours = (entries: { input: Record<string, unknown> | null }[]) => entries.map((e) => String(e.input?.requestId)).filter((id) => mine.has(id))
    const seen = await walkPages((cursor) => okAs(ADMIN, pointsFn.auditLog, { action: 'points.adjust', cursor, limit: 4 }), {
      between: adjust,
      until: (entries) => ours(entries).length >= mine.size,
    })
    expectEachOnce(seen.map((e) => e.id), [])
    expectEachOnce(ours(seen), [...mine])
    newestFirst(seen.map((e) => e.at))
  })

  it('accounts of a grid: each person once while people join; the CSV has all of them, read batch by batch', async () => {
    const people = [own.staff, resident, ...(await makeUsers(130, { prefix: 'acct', buildingId: own.buildingId, gridId: own.gridId }))]
    const join = async () => people.push(...(await makeUsers(1, { prefix: 'acct', buildingId: own.buildingId, gridId: own.gridId })))
    const seen = await walkPages((cursor) => okAs(own.staff, pointsFn.accounts, { cursor, limit: 50 }), { between: join })
    expectEachOnce(seen.map((a) => a.openid), people.slice(0, 132))
    const { csv, next } = await okAs(own.staff, pointsFn.accounts, { csv: true })
    const rows = (parse(csv!, { bom: true }) as string[][]).slice(1)
    expect(next).toBeNull()
    expect(rows.map((r) => r[0]).sort()).toEqual([...people].sort())
  })
})
