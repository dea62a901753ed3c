/**
 * Round trips per order transition, in the tree it runs in (scripts/bench/street.ts runs it here and,
 * copied unchanged, in a checkout of the base commit, so both sides are measured the same way).
 * Prints one line on stdout: `TRIPS ` and the counts as JSON.
 *
 * A fresh local cloud with every function built from this tree, the demo people seeded, and the
 * orders function called through the dev entry one call at a time. Each call is counted by its
 * invocation id (the `x-request-id` the dev entry answers with): database round trips are
 * `stats().byCaller[id]` (the SDK sends the id with every database request); other requests the SDK
 * makes to the local cloud are counted too (`/admin` actions of the other services, and open API
 * calls, which the outbox records). Two passes over the same transitions, each on a new order: the
 * first in a function instance that has not run that transition yet, the second warm (settings the
 * instance keeps for a while are already there).
 *
 * Only what exists in both trees is used: the contract (actions missing from a tree are skipped),
 * the seed, the local cloud and the function build.
 */
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { execFileSync } from 'node:child_process'
import { startLocalCloud } from '../../../localcloud'
import type { DatabaseService } from '../../../localcloud/database'
import type { Service } from '../../../localcloud/types'
import { orders } from '../../../core/orders/contract'
import { buildFunctions, functionNames, ROOT } from '../../build-functions'
import { sdkFor, seed } from '../../seed'

const WANG = 'demo-resident-wang'
const ZHANG = 'demo-staff-zhang'
const LI = 'demo-volunteer-li'
const STREET_ADMIN = 'demo-street-admin'

/** What one call cost (street.ts reads it from this script's output). */
export interface Count {
  /** Database round trips of the invocation. */
  db: number
  /** Database round trips by wire action (without the `database.` prefix). */
  byAction: Record<string, number>
  /** Other requests to the local cloud (open API sends, storage, nested function calls). */
  other: Record<string, number>
  ok: boolean
  error?: string
}

type Contract = { fn: string; action: string }
const contract = (name: string): Contract | undefined => (orders as unknown as Record<string, Contract | undefined>)[name]

async function main(): Promise<void> {
  const outDir = path.join(ROOT, 'build', 'bench-street-functions')
  await buildFunctions(functionNames(), outDir)
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'linli-bench-trips-'))
  const cloud = await startLocalCloud({ port: 0, dataDir, functionsDir: outDir, devEntry: true, strict: true, timers: false, log: () => undefined })
  try {
    await seed(cloud)
    const db = sdkFor(cloud).database({ throwOnNotFound: false })
    for (const c of ['points_accounts', 'points_transfers', 'points_rules']) await db.createCollection(c).catch(() => undefined)
    const database = cloud.service<DatabaseService>('database')

    // requests that are not database round trips: /admin actions of the other services, open API calls
    const other: Record<string, number> = {}
    for (const name of ['storage', 'functions'] as const) {
      const s = cloud.service<Service>(name)
      const handle = s.handleAdmin?.bind(s)
      if (!handle) continue
      ;(s as { handleAdmin?: Service['handleAdmin'] }).handleAdmin = (action, body, req) => {
        other[action] = (other[action] ?? 0) + 1
        return handle(action, body, req)
      }
    }
    const openapi = cloud.service<Service & { outbox(): { api: string }[] }>('openapi')

    const call = async (openid: string, c: Contract, input: unknown): Promise<{ data: unknown; count: Count }> => {
      const before = database.stats()
      const otherBefore = { ...other }
      const sent = openapi.outbox().length
      const res = await fetch(`${cloud.url}/dev/call`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ name: c.fn, data: { action: c.action, data: input }, openid }),
      })
      const body = (await res.json()) as { result?: { ok: boolean; data?: unknown; error?: { code: string; message: string } } }
      const id = res.headers.get('x-request-id') ?? ''
      const after = database.stats()
      const byAction: Record<string, number> = {}
      for (const [a, n] of Object.entries(after.byAction)) {
        const d = n - (before.byAction[a] ?? 0)
        if (d) byAction[a.replace(/^database\./, '')] = d
      }
      const extra: Record<string, number> = {}
      for (const [a, n] of Object.entries(other)) if (n - (otherBefore[a] ?? 0)) extra[a] = n - (otherBefore[a] ?? 0)
      const opened = openapi.outbox().slice(sent)
      for (const e of opened) extra[`openapi.${e.api}`] = (extra[`openapi.${e.api}`] ?? 0) + 1
      const r = body.result
      const count: Count = { db: after.byCaller[id] ?? 0, byAction, other: extra, ok: !!r?.ok }
      // the per-invocation count and the difference of the totals agree when nothing else ran meanwhile
      if (after.total - before.total !== count.db) count.error = `total moved by ${after.total - before.total}`
      if (!r?.ok) count.error = `${r?.error?.code ?? 'no result'} ${r?.error?.message ?? JSON.stringify(body)}`
      return { data: r?.data, count }
    }

    const streetReply = contract('streetReply')
    const rows: { transition: string; passes: Count[] }[] = []
    const add = (transition: string, pass: number, count: Count) => {
      let row = rows.find((r) => r.transition === transition)
      if (!row) rows.push((row = { transition, passes: [] }))
      row.passes[pass] = count
    }
    const input = { category: 'repair_pipe', description: '厨房下水道堵了' }
    for (let pass = 0; pass < 2; pass++) {
      const created = await call(WANG, contract('create')!, input)
      add('create', pass, created.count)
      const orderId = (created.data as { _id: string })._id
      add('publish', pass, (await call(ZHANG, contract('publish')!, { orderId, points: 10 })).count)
      add('accept', pass, (await call(LI, contract('accept')!, { orderId })).count)
      add('start', pass, (await call(LI, contract('start')!, { orderId })).count)
      add('reportDone', pass, (await call(LI, contract('reportDone')!, { orderId, note: '好了' })).count)
      add('confirm (+ award)', pass, (await call(WANG, contract('confirm')!, { orderId, stars: 5 })).count)

      // a 大事: sent up to the street where the tree has a street office, answered there
      const big = (await call(WANG, contract('create')!, { category: 'repair_pipe', description: '楼道水管爆裂' })).data as { _id: string }
      const escalation = { orderId: big._id, department: '街道城管科', note: '需要街道协调', ...(streetReply ? { toStreet: true } : {}) }
      add(streetReply ? 'escalate (to the street)' : 'escalate', pass, (await call(ZHANG, contract('escalate')!, escalation)).count)
      if (streetReply) add('streetReply', pass, (await call(STREET_ADMIN, streetReply, { orderId: big._id, note: '已协调城管科下周处理' })).count)
    }
    // `-dirty`: measured with uncommitted changes in the tree
    const commit = execFileSync('git', ['describe', '--always', '--dirty', '--abbrev=7'], { cwd: ROOT, encoding: 'utf8' }).trim()
    process.stdout.write(`TRIPS ${JSON.stringify({ commit, rows })}\n`)
  } finally {
    await cloud.stop().finally(() => fs.rmSync(dataDir, { recursive: true, force: true }))
  }
}

void main().catch((err: unknown) => {
  console.error('round trips failed:', err)
  process.exitCode = 1
})
