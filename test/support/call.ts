/**
 * Calling functions as a chosen user, the way the H5 app does: POST /dev/call on the local cloud's
 * dev entry → the built function → `{ result }`. Identity is the `openid` of the dev call only.
 */
import fs from 'node:fs'
import { randomUUID } from 'node:crypto'
import type { ActionContract, InputOf, OutputOf } from '../../core/contract/define'
import type { ActionResult } from '../../core/contract/errors'
import { CLOUD_FILE_ENV, type TestCloudInfo } from './cloud-file'

let info: TestCloudInfo | undefined
export function testCloud(): TestCloudInfo {
  if (!info) {
    const file = process.env[CLOUD_FILE_ENV]
    if (!file || !fs.existsSync(file)) throw new Error('no test cloud: run with JEST_PROJECTS=integration (global-setup starts it)')
    info = JSON.parse(fs.readFileSync(file, 'utf8')) as TestCloudInfo
  }
  return info
}

export interface Client {
  url: string
  /** Any event to any function (fuzz, auth); returns what the function returned. */
  raw(openid: string | undefined, name: string, event: unknown): Promise<unknown>
  callAs<C extends ActionContract>(openid: string | undefined, contract: C, input: InputOf<C> | unknown): Promise<ActionResult<OutputOf<C>>>
  /** callAs, expecting success: returns the data or throws with the error. */
  okAs<C extends ActionContract>(openid: string | undefined, contract: C, input: InputOf<C>): Promise<OutputOf<C>>
}

export function clientFor(url: string): Client {
  const raw = async (openid: string | undefined, name: string, event: unknown) => {
    const res = await fetch(`${url}/dev/call`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ name, data: event, openid }),
    })
    const body = (await res.json()) as { result?: unknown; errCode?: number; errMsg?: string }
    if (!('result' in body)) throw new Error(`callFunction ${name} failed: ${body.errCode} ${body.errMsg}`)
    return body.result
  }
  const callAs = <C extends ActionContract>(openid: string | undefined, c: C, input: unknown) =>
    raw(openid, c.fn, { action: c.action, data: input }) as Promise<ActionResult<OutputOf<C>>>
  return {
    url,
    raw,
    callAs,
    async okAs(openid, c, input) {
      const r = await callAs(openid, c, input)
      if (!r.ok) throw new Error(`${c.fn}.${c.action} as ${openid}: ${r.error.code} ${r.error.message} ${JSON.stringify(r.error.details ?? '')}`)
      return r.data
    },
  }
}

let shared: Client | undefined
const client = () => (shared ??= clientFor(testCloud().url))

export const callAs: Client['callAs'] = (openid, c, input) => client().callAs(openid, c, input)
export const okAs: Client['okAs'] = (openid, c, input) => client().okAs(openid, c, input)
export const callRaw: Client['raw'] = (openid, name, event) => client().raw(openid, name, event)

/** What the app does on BUSY: wait a little and try again, until a final answer; `busy` counts the BUSY answers. */
export async function untilFinal<C extends ActionContract>(openid: string, c: C, input: InputOf<C>, tries = 40): Promise<ActionResult<OutputOf<C>> & { busy: number }> {
  let busy = 0
  for (let i = 0; i < tries; i++) {
    const r = await callAs(openid, c, input)
    if (r.ok || r.error.code !== 'BUSY') return { ...r, busy }
    busy++
    await new Promise((res) => setTimeout(res, 20 + Math.random() * 80 * Math.min(i + 1, 5)))
  }
  throw new Error(`${c.fn}.${c.action} still BUSY after ${tries} tries`)
}

/**
 * Fire a function's timer trigger now, the way the cloud does (no caller, empty OPENID): the
 * inspector's "Run timer now" over HTTP, since the shared cloud lives in jest's parent process.
 * Returns what the function returned; throws when the invocation itself failed.
 */
export async function fireTimer(fn: string, trigger: string): Promise<unknown> {
  const res = await fetch(`${testCloud().url}/_inspector/api/fire`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ fn, trigger }),
  })
  const outcome = (await res.json()) as { ok?: boolean; result?: unknown; code?: string; message?: string }
  if (outcome.ok !== true) throw new Error(`timer ${fn}/${trigger} failed: ${outcome.code} ${outcome.message}`)
  return outcome.result
}

/** A fresh OPENID nobody else uses, so tests do not step on each other's data. */
export const freshOpenid = (prefix = 'it') => `${prefix}-${randomUUID().slice(0, 8)}`

/* eslint-disable @typescript-eslint/no-explicit-any -- the SDK's typings are loose */
let sdk: any
/** The real wx-server-sdk, pointed at the test cloud by sdk-env.ts (callFunction, database…). */
export function sdkCloud(): any {
  if (!sdk) {
    testCloud()
    // eslint-disable-next-line @typescript-eslint/no-require-imports -- after sdk-env.ts set the environment
    sdk = require('wx-server-sdk')
    sdk.init({ env: process.env.TCB_ENV ?? 'local' })
  }
  return sdk
}

let db: any
/** The real wx-server-sdk database, for direct checks. */
export function sdkDb(): any {
  return (db ??= sdkCloud().database({ throwOnNotFound: false }))
}
