import { AppError } from '@core/contract/errors'
import type { ActionResult } from '@core/contract/errors'
import { call } from './client'
import { api } from './index'
import { send, TransportError } from './transport'

// Taro's runtime is ESM for the app bundlers; the client's logic under test doesn't touch it.
jest.mock('@tarojs/taro', () => ({ __esModule: true, default: {} }))
jest.mock('./transport', () => {
  const actual = jest.requireActual('./transport')
  return { ...actual, send: jest.fn() }
})
const sendMock = send as jest.MockedFunction<typeof send>
const answer = (...results: (ActionResult<unknown> | Error)[]) => {
  for (const r of results) {
    if (r instanceof Error) sendMock.mockRejectedValueOnce(r)
    else sendMock.mockResolvedValueOnce(r)
  }
}

beforeEach(() => sendMock.mockReset())

test('sends {action, data} to the contract’s function and returns data', async () => {
  answer({ ok: true, data: { profile: null, roles: ['guest'], scopes: { grids: [], buildings: [] } } })
  const out = await call(api.users.me, {})
  expect(out.roles).toEqual(['guest'])
  expect(sendMock).toHaveBeenCalledWith('users', { action: 'me', data: {} })
})

test('an expected failure becomes an AppError with the server’s code and Chinese message', async () => {
  answer({ ok: false, error: { code: 'FORBIDDEN', message: '您没有权限做这件事', details: { role: 'staff' } } })
  const err = await call(api.users.listUsers, {}).catch((e: unknown) => e)
  expect(err).toBeInstanceOf(AppError)
  expect(err).toMatchObject({ code: 'FORBIDDEN', message: '您没有权限做这件事', details: { role: 'staff' } })
})

test('BUSY is retried with backoff until the call goes through', async () => {
  const busy = { ok: false as const, error: { code: 'BUSY', message: '现在办理的人多' } }
  answer(busy, busy, { ok: true, data: { ok: 1 } })
  await expect(call(api.users.me, {})).resolves.toEqual({ ok: 1 })
  expect(sendMock).toHaveBeenCalledTimes(3)
})

test('BUSY that never clears surfaces after a bounded number of tries', async () => {
  sendMock.mockResolvedValue({ ok: false, error: { code: 'BUSY', message: '现在办理的人多，请稍后再试' } })
  const started = Date.now()
  await expect(call(api.users.me, {})).rejects.toMatchObject({ code: 'BUSY' })
  expect(sendMock).toHaveBeenCalledTimes(5) // first try + 4 retries
  expect(Date.now() - started).toBeLessThan(4000)
})

test('other codes are not retried', async () => {
  answer({ ok: false, error: { code: 'ORDER_TAKEN', message: '已被接单' } })
  await expect(call(api.users.me, {})).rejects.toMatchObject({ code: 'ORDER_TAKEN', message: '已被接单' })
  expect(sendMock).toHaveBeenCalledTimes(1)
})

test('an unreachable or crashed function becomes NETWORK with a plain message', async () => {
  answer(new TransportError('functions execute fail', -504002))
  await expect(call(api.users.me, {})).rejects.toMatchObject({ code: 'NETWORK', message: '网络不太好，请稍后再试' })
})

test('an empty message falls back to the common catalog', async () => {
  answer({ ok: false, error: { code: 'NOT_FOUND', message: '' } })
  await expect(call(api.users.me, {})).rejects.toMatchObject({ code: 'NOT_FOUND', message: '没有找到相关内容，可能已被删除' })
})

test('api references are stable objects (hooks depend on their identity)', () => {
  expect(api.users.me).toBe(api.users.me)
  expect(api.users.me).toEqual({ fn: 'users', action: 'me' })
  expect(api.community.structure).toEqual({ fn: 'community', action: 'structure' })
})
