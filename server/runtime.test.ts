/**
 * The router alone, with a tiny stand-in for the SDK (only getWXContext and users/<id>.get).
 * The real SDK against the local cloud is covered by test/integration/.
 */
import * as z from 'zod'
import { defineFunction } from '../core/contract/define'
import { AppError } from '../core/contract/errors'
import { createFunction, type FunctionOptions } from './runtime'
import { tx, type Db } from './db'

const contracts = defineFunction('demo', {
  hello: { summary: 'x', roles: 'anyone', input: z.object({ name: z.string().min(1, { error: '请填写姓名' }) }), output: z.object({ text: z.string() }) },
  staffOnly: { summary: 'x', roles: ['staff'], input: z.object({ n: z.number() }), output: z.object({ n: z.number() }) },
  residentOnly: { summary: 'x', roles: ['resident'], input: z.object({}), output: z.object({ who: z.string() }) },
  boom: { summary: 'x', roles: 'anyone', input: z.object({}), output: z.object({}) },
  expected: { summary: 'x', roles: 'anyone', input: z.object({}), output: z.object({}) },
  declared: { summary: 'x', roles: 'anyone', input: z.object({}), output: z.object({}), errors: ['ORDER_TAKEN'] },
  leaky: { summary: 'x', roles: 'anyone', input: z.object({}), output: z.object({ a: z.number() }) },
})

let openid = 'u-resident'
const users: Record<string, unknown> = {
  'u-resident': { _id: 'u-resident', roles: ['resident'], grids: [], buildings: [] },
  'u-staff': { _id: 'u-staff', roles: ['resident', 'staff'], grids: ['g1'], buildings: [] },
}
const fakeCloud = {
  init() {},
  DYNAMIC_CURRENT_ENV: Symbol('env'),
  getWXContext: () => ({ OPENID: openid }),
  database: () => ({ collection: () => ({ doc: (id: string) => ({ get: async () => ({ data: users[id] ?? null }) }) }) }),
} as unknown as FunctionOptions['cloud']

const seen: unknown[] = []
const main = createFunction(
  contracts,
  {
    hello: async (ctx, input) => ({ text: `${input.name}/${ctx.openid}/${ctx.roles.join(',')}` }),
    staffOnly: async (_ctx, input) => ({ n: input.n * 2 }),
    residentOnly: async (ctx) => ({ who: ctx.user!._id as string }),
    boom: async () => {
      throw new Error('secret database detail')
    },
    expected: async () => {
      throw new AppError('ORDER_TAKEN', '已被接单')
    },
    declared: async () => {
      throw new AppError('ORDER_TAKEN', '已被接单')
    },
    leaky: async () => ({ a: 1, phone: '13812345678' }) as never,
  },
  { cloud: fakeCloud, timers: { tick: async (_ctx, ev) => seen.push(ev.TriggerName) } },
)

beforeEach(() => {
  openid = 'u-resident'
  jest.spyOn(console, 'error').mockImplementation(() => undefined)
  jest.spyOn(console, 'log').mockImplementation(() => undefined)
})
afterEach(() => jest.restoreAllMocks())

describe('createFunction', () => {
  it('identity comes from the WX context; openid/role in the event are ignored', async () => {
    const r = await main({ action: 'hello', data: { name: '王' }, openid: 'u-staff', userInfo: { openId: 'u-staff' }, role: 'admin' })
    expect(r).toEqual({ ok: true, data: { text: '王/u-resident/resident' } })
  })
  it('a caller without a profile is a guest', async () => {
    openid = 'nobody'
    expect(await main({ action: 'hello', data: { name: 'x' } })).toEqual({ ok: true, data: { text: 'x/nobody/guest' } })
    expect(await main({ action: 'residentOnly', data: {} })).toMatchObject({ ok: false, error: { code: 'NOT_REGISTERED' } })
  })
  it('role check before input parse: a resident gets FORBIDDEN even with garbage', async () => {
    const r = await main({ action: 'staffOnly', data: 'garbage' })
    expect(r).toMatchObject({ ok: false, error: { code: 'FORBIDDEN', message: expect.stringContaining('没有权限') } })
    openid = 'u-staff'
    expect(await main({ action: 'staffOnly', data: { n: 2 } })).toEqual({ ok: true, data: { n: 4 } })
  })
  it('invalid input → INVALID_INPUT with field paths and Chinese messages', async () => {
    const r = (await main({ action: 'hello', data: { name: '' } })) as { error: { code: string; details: unknown } }
    expect(r.error.code).toBe('INVALID_INPUT')
    expect(r.error.details).toEqual([{ path: 'name', message: '请填写姓名' }])
    const r2 = (await main({ action: 'hello', data: {} })) as { error: { details: unknown } }
    expect(r2.error.details).toEqual([{ path: 'name', message: '请填写这一项' }])
  })
  it('missing data reads as {}', async () => {
    expect(await main({ action: 'residentOnly' })).toEqual({ ok: true, data: { who: 'u-resident' } })
  })
  it.each([undefined, null, 42, 'x', [], { action: 'nope' }, { action: '__proto__' }, { action: 'toString' }])('unknown action %p', async (ev) => {
    expect(await main(ev)).toMatchObject({ ok: false, error: { code: 'UNKNOWN_ACTION' } })
  })
  it('an unexpected throw is INTERNAL without details; an AppError passes through', async () => {
    const r = await main({ action: 'boom', data: {} })
    expect(r).toEqual({ ok: false, error: { code: 'INTERNAL', message: expect.any(String) } })
    expect(JSON.stringify(r)).not.toContain('secret')
    expect(await main({ action: 'expected', data: {} })).toEqual({ ok: false, error: { code: 'ORDER_TAKEN', message: '已被接单' } })
    // the contract does not list ORDER_TAKEN: answered all the same, and logged for the run to catch
    expect(console.log).toHaveBeenCalledWith('[demo] undeclared outcome ORDER_TAKEN from demo.expected', '')
    jest.mocked(console.log).mockClear()
    expect(await main({ action: 'declared', data: {} })).toMatchObject({ ok: false, error: { code: 'ORDER_TAKEN' } })
    expect(console.log).not.toHaveBeenCalledWith(expect.stringContaining('undeclared'), '')
  })
  it('output is parsed by the contract: undeclared fields are stripped', async () => {
    expect(await main({ action: 'leaky', data: {} })).toEqual({ ok: true, data: { a: 1 } })
  })
  it('timer events route to timers; no caller needed', async () => {
    openid = ''
    expect(await main({ Type: 'Timer', TriggerName: 'tick', Time: 'now' })).toEqual({ ok: true, data: 1 })
    expect(seen).toEqual(['tick'])
    expect(await main({ Type: 'Timer', TriggerName: 'other' })).toMatchObject({ ok: false, error: { code: 'UNKNOWN_ACTION' } })
  })
  it('a Timer-shaped event from a caller with an OPENID does not run a timer → UNKNOWN_ACTION', async () => {
    const before = seen.length
    expect(await main({ Type: 'Timer', TriggerName: 'tick' })).toMatchObject({ ok: false, error: { code: 'UNKNOWN_ACTION' } })
    expect(seen.length).toBe(before)
  })
  it('no OPENID → UNAUTHENTICATED', async () => {
    openid = ''
    expect(await main({ action: 'hello', data: { name: 'x' } })).toMatchObject({ ok: false, error: { code: 'UNAUTHENTICATED' } })
  })
})

describe('tx', () => {
  const conflictingDb = (failures: number) => {
    let calls = 0
    const db = {
      runTransaction: async (fn: (t: unknown) => Promise<unknown>) => {
        calls++
        if (calls <= failures) throw { code: 'DATABASE_TRANSACTION_CONFLICT', message: 'database transaction conflict' }
        return fn({})
      },
    } as unknown as Db
    return { db, calls: () => calls }
  }
  it('retries conflicts and returns the result', async () => {
    const { db, calls } = conflictingDb(2)
    expect(await tx(db, async () => 'done', { backoffMs: 1 })).toBe('done')
    expect(calls()).toBe(3)
  })
  it('a conflict that survives the retries becomes BUSY', async () => {
    const { db, calls } = conflictingDb(99)
    await expect(tx(db, async () => 'x', { retries: 2, backoffMs: 1 })).rejects.toMatchObject({ code: 'BUSY' })
    expect(calls()).toBe(3)
  })
  it('other errors pass through without retry', async () => {
    const { db, calls } = conflictingDb(0)
    await expect(
      tx(db, async () => {
        throw new AppError('SOLD_OUT', '已兑完')
      }),
    ).rejects.toMatchObject({ code: 'SOLD_OUT' })
    expect(calls()).toBe(1)
  })
})
