/**
 * Function gateway through the real wx-server-sdk: identity per invocation under concurrency,
 * callFunction from a function, timeout, thrown errors, timer triggers, reload on rebuild.
 */
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { startLocalCloud, type LocalCloud } from '../../../localcloud'
import type { FunctionsService } from '../../../localcloud/functions'
import { startDbCloud, type DbCloud } from './fixtures/db-cloud'

const FIXTURES = path.resolve(__dirname, '../../fixtures/functions')
let lc: DbCloud
let cloud: LocalCloud
let functions: FunctionsService
// eslint-disable-next-line @typescript-eslint/no-explicit-any
let sdk: any

beforeAll(async () => {
  lc = await startDbCloud({ functionsDir: FIXTURES, devEntry: true, timers: true })
  ;({ cloud, sdk } = lc)
  functions = cloud.service<FunctionsService>('functions')
})

afterAll(() => lc?.stop())

const devCall = async (body: unknown) => {
  const res = await fetch(`${cloud.url}/dev/call`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) })
  return (await res.json()) as { result?: Record<string, Record<string, unknown>>; errCode?: number; errMsg?: string }
}

test('200 concurrent invocations each see their own OPENID, before and after awaits', async () => {
  const n = 200
  const started = Date.now()
  const results = await Promise.all(
    Array.from({ length: n }, (_, i) => devCall({ name: 'whoami', data: { i }, openid: `openid-${i}`, unionid: `union-${i}` })),
  )
  const ms = Date.now() - started
  console.log(`200 concurrent dev-entry invocations: ${ms} ms`)
  results.forEach((r, i) => {
    const { before, mid, after, env } = r.result!
    for (const ctx of [before, mid, after]) {
      expect(ctx).toMatchObject({ OPENID: `openid-${i}`, UNIONID: `union-${i}`, APPID: 'wx0000000000000000', ENV: 'local', SOURCE: 'wx_client' })
      expect(ctx).not.toHaveProperty('API_TOKEN')
    }
    expect(env).toBe(`openid-${i}`)
  })
  // The host process's own environment is untouched.
  expect(process.env.WX_OPENID).toBeUndefined()
})

test('200 concurrent invocations with a nested callFunction keep the caller identity in the callee', async () => {
  const started = Date.now()
  const results = await Promise.all(
    Array.from({ length: 200 }, (_, i) => functions.invoke('whoami', { nested: true }, { openid: `nested-${i}`, source: 'wx_client' })),
  )
  console.log(`200 concurrent invocations, each with a nested callFunction: ${Date.now() - started} ms`)
  results.forEach((o, i) => {
    expect(o.ok).toBe(true)
    const r = (o as { result: Record<string, Record<string, Record<string, unknown>>> }).result
    expect(r.after.OPENID).toBe(`nested-${i}`)
    expect(r.callee.context).toMatchObject({ OPENID: `nested-${i}`, SOURCE: 'wx_client,scf' })
    expect(r.callee.event).toMatchObject({ from: 'whoami', userInfo: { openId: `nested-${i}` } })
  })
})

test('callFunction from outside a function: the result, and no user identity', async () => {
  const res = await sdk.callFunction({ name: 'echo', data: { a: 1 } })
  expect(res.result.event).toEqual({ a: 1 })
  expect(res.result.context.OPENID).toBeUndefined()
  expect(res.result.context.ENV).toBe('local')
})

test('a thrown error reaches the SDK caller as the cloud reports it', async () => {
  const err = await sdk.callFunction({ name: 'thrower', data: { message: '库存不足' } }).catch((e: unknown) => e)
  expect(err).toBeInstanceOf(Error)
  expect(err.errCode).toBe(-1)
  expect(err.errMsg).toBe('callFunction:fail 库存不足')
  expect(err.code).toBe('FUNCTIONS_EXECUTE_FAIL')
  // ...and to a function calling it
  const viaCaller = await sdk.callFunction({ name: 'caller', data: { target: 'thrower', data: { message: 'inner' } } })
  expect(viaCaller.result).toMatchObject({ ok: false, errCode: -1, errMsg: 'callFunction:fail inner', code: 'FUNCTIONS_EXECUTE_FAIL' })
  // ...and to the dev entry in the client's shape
  const dev = await devCall({ name: 'thrower', data: { message: 'dev' }, openid: 'o' })
  expect(dev).toEqual({ errCode: -504002, errMsg: 'cloud.callFunction:fail Error: errCode: -504002 functions execute fail | errMsg: dev' })
  const log = functions.logs('thrower')
  expect(log.invocations.at(-1)).toMatchObject({ ok: false, error: 'dev', openid: 'o' })
  expect(log.lines.join('\n')).toContain('Error: dev')
})

test('results must be JSON within the 1 MB limit', async () => {
  const fine = await functions.invoke('echo', { bytes: 1000 })
  expect(fine.ok).toBe(true)
  expect(await functions.invoke('echo', { bytes: 1024 * 1024 })).toMatchObject({ ok: false, message: expect.stringContaining('result size exceed limit (1MB)') })
  expect(await functions.invoke('echo', { circular: true })).toMatchObject({ ok: false, code: 'FUNCTIONS_EXECUTE_FAIL', message: expect.stringContaining('circular') })
})

test('unknown function: an error, not a crash', async () => {
  const err = await sdk.callFunction({ name: 'nope', data: {} }).catch((e: unknown) => e)
  expect(err.errMsg).toContain('ResourceNotFound.Function')
  const err2 = await sdk.callFunction({ name: '../etc', data: {} }).catch((e: unknown) => e)
  expect(err2.errMsg).toContain('invalid function name')
})

test('the configured timeout is enforced', async () => {
  const t0 = Date.now()
  const err = await sdk.callFunction({ name: 'slow', data: { ms: 3000 } }).catch((e: unknown) => e)
  expect(Date.now() - t0).toBeLessThan(2500)
  expect(err.errMsg).toBe('callFunction:fail Invoking task timed out after 1 seconds')
  const ok = await sdk.callFunction({ name: 'slow', data: { ms: 50 } })
  expect(ok.result).toEqual({ slept: 50 })
  const dev = await devCall({ name: 'slow', data: { ms: 3000 } })
  expect(dev.errCode).toBe(-504003)
  expect(dev.errMsg).toContain('Invoking task timed out after 1 seconds')
})

test('timer triggers: fired by the every-second schedule and on demand', async () => {
  const read = async () => ((await functions.invoke('ticker', { read: true })) as { result: Array<Record<string, string>> }).result
  const t0 = Date.now()
  const already = (await read()).length
  while ((await read()).length < already + 2 && Date.now() - t0 < 6000) await new Promise((r) => setTimeout(r, 200))
  const fired = await read()
  expect(fired.length).toBeGreaterThanOrEqual(already + 2)
  expect(fired[0]).toMatchObject({ trigger: 'everySecond', type: 'Timer' })
  expect(fired[0].time).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/)
  const times = new Set(fired.map((f) => f.time))
  expect(times.size).toBe(fired.length)
  const now = await functions.fireTrigger('ticker', 'everySecond')
  expect(now.ok).toBe(true)
  const last = functions.logs('ticker').invocations.at(-1)
  expect(last).toMatchObject({ trigger: 'everySecond', ok: true })
  expect(last?.openid).toBeUndefined()
})

test('a rebuilt function is reloaded on the next call', async () => {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'lc-fns-'))
  const dir = path.join(root, 'ver')
  fs.mkdirSync(dir)
  const write = (v: number) => fs.writeFileSync(path.join(dir, 'index.js'), `exports.main = async () => ({ v: ${v}, helper: require('./helper').h })\n`)
  fs.writeFileSync(path.join(dir, 'helper.js'), `exports.h = 'one'\n`)
  write(1)
  const other = await startLocalCloud({ port: 0, dataDir: path.join(root, 'data'), functionsDir: root, watchFunctions: true, log: () => undefined })
  try {
    const fns = other.service<FunctionsService>('functions')
    expect(await fns.invoke('ver', {})).toMatchObject({ ok: true, result: { v: 1, helper: 'one' } })
    fs.writeFileSync(path.join(dir, 'helper.js'), `exports.h = 'two'\n`)
    write(2)
    expect(await fns.invoke('ver', {})).toMatchObject({ ok: true, result: { v: 2, helper: 'two' } })
    fs.writeFileSync(path.join(dir, 'index.js'), `exports.main = async () => { syntax error`)
    const broken = await fns.invoke('ver', {})
    expect(broken).toMatchObject({ ok: false, code: 'FUNCTIONS_EXECUTE_FAIL' })
    write(3)
    expect(await fns.invoke('ver', {})).toMatchObject({ ok: true, result: { v: 3 } })
  } finally {
    await other.stop()
    fs.rmSync(root, { recursive: true, force: true })
  }
})

test('a log option that writes through console does not capture itself again', async () => {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'lc-log-'))
  fs.mkdirSync(path.join(root, 'talker'))
  fs.writeFileSync(path.join(root, 'talker', 'index.js'), `exports.main = async () => { console.log('hello from talker'); return 1 }\n`)
  const lines: string[] = []
  const log = (l: string) => {
    lines.push(l)
    console.log(l) // before the fix this re-entered the capture and recursed until the stack overflowed
  }
  const other = await startLocalCloud({ port: 0, dataDir: path.join(root, 'data'), functionsDir: root, log })
  try {
    const fns = other.service<FunctionsService>('functions')
    expect(await fns.invoke('talker', {})).toMatchObject({ ok: true, result: 1 })
    expect(fns.logs('talker').lines.filter((l) => l.includes('hello from talker'))).toHaveLength(1)
    expect(lines.filter((l) => l.includes('[fn talker]') && l.includes('hello from talker'))).toHaveLength(1)
  } finally {
    await other.stop()
    fs.rmSync(root, { recursive: true, force: true })
  }
})
