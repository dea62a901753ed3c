/**
 * A local cloud of one's own inside a test file, for checks that other test files running at the
 * same time would disturb (e.g. "this batch of calls wrote nothing": the store's commit sequence
 * must not move). Seeded with the demo community plus any extra users, written straight into the
 * store (the SDK seed is covered by global-setup).
 */
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { startLocalCloud, type LocalCloud } from '../../localcloud'
import type { DatabaseService } from '../../localcloud/database'
import type { FunctionsService } from '../../localcloud/functions'
import { demoSeedDocs } from '../../core/demo/seed-docs'
import type { UserDoc } from '../../core/users/model'
import { clientFor, testCloud, type Client } from './call'

export interface PrivateCloud extends Client {
  cloud: LocalCloud
  /** Commit sequence of the database: changes whenever anything is written. */
  commitSeq(): number
  /** Commits that wrote anything besides the audit trail (which records refused attempts too). */
  businessCommits(): number
  /** Audit records written so far, by `fn.action`. */
  auditCounts(): Record<string, number>
  /** Console lines of a function that mention an unexpected error (what became INTERNAL). */
  internalErrors(fn: string): string[]
  /** Every string value written to any document since start (seed excluded), with where it went. */
  writtenStrings(): { where: string; value: string }[]
  stop(): Promise<void>
}

export async function startPrivateCloud(extraUsers: UserDoc[] = []): Promise<PrivateCloud> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'linli-private-'))
  const cloud = await startLocalCloud({ port: 0, dataDir, functionsDir: testCloud().functionsDir, watchFunctions: false, devEntry: true, strict: true, log: () => undefined })
  const store = cloud.service<DatabaseService>('database').store
  const docs = demoSeedDocs()
  const writes = [
    ...docs.streets.map((d) => ({ c: 'streets', id: d._id, doc: d })),
    ...docs.communities.map((d) => ({ c: 'community', id: d._id, doc: d })),
    ...docs.grids.map((d) => ({ c: 'grids', id: d._id, doc: d })),
    ...docs.buildings.map((d) => ({ c: 'buildings', id: d._id, doc: d })),
    ...[...docs.users, ...extraUsers].map((d) => ({ c: 'users', id: d._id, doc: d })),
  ]
  await store.commit(writes as never)
  // watch what the functions write: every string of every committed document, kept for the checks
  const written: { where: string; value: string }[] = []
  const audits: Record<string, number> = {}
  let business = 0
  const commit = store.commit.bind(store)
  store.commit = (ws, meta) => {
    for (const w of ws) if (w.doc) written.push(...stringsIn(w.doc, `${w.c}/${w.id}`))
    for (const w of ws) if (w.c === 'audit_log' && w.doc) audits[`${w.doc.fn}.${w.doc.action}`] = (audits[`${w.doc.fn}.${w.doc.action}`] ?? 0) + 1
    if (ws.some((w) => w.c !== 'audit_log')) business++
    return commit(ws, meta)
  }
  return {
    ...clientFor(cloud.url),
    cloud,
    commitSeq: () => store.seq,
    businessCommits: () => business,
    auditCounts: () => ({ ...audits }),
    writtenStrings: () => written,
    internalErrors: (fn) => cloud.service<FunctionsService>('functions').logs(fn).lines.filter((l) => /unexpected error|does not match its contract/.test(l)),
    async stop() {
      await cloud.stop()
      fs.rmSync(dataDir, { recursive: true, force: true })
    },
  }
}

function stringsIn(value: unknown, where: string): { where: string; value: string }[] {
  if (typeof value === 'string') return [{ where, value }]
  if (!value || typeof value !== 'object') return []
  return Object.entries(value).flatMap(([k, v]) => [...stringsIn(k, `${where} key`), ...stringsIn(v, `${where}.${k}`)])
}
