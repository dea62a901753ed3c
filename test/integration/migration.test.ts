/**
 * The data migrations (scripts/migrations/) on a database of the single-community app: the demo as
 * the old code left it (test/fixtures/legacy-single-community.json), loaded into a local cloud of its
 * own, migrated through the real SDK — twice — then used through the real functions. Nothing anyone
 * owns or did moves (balances, orders, sign-ups, redemptions); every document gets its community;
 * a run stopped halfway is finished by the next one.
 */
import { storedFactsOf } from '../../core/kpis/cells'
import { unpackFacts, type FactsInput, type PackedFacts } from '../../core/kpis/facts'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import * as collections from '../../core/collections'
import { eventsFn } from '../../core/events/contract'
import { regStartKey } from '../../core/events/model'
import { orders } from '../../core/orders/contract'
import { pointsFn } from '../../core/points/contract'
import { users } from '../../core/users/contract'
import { startLocalCloud, type LocalCloud } from '../../localcloud'
import type { DatabaseService } from '../../localcloud/database'
import { checkLedgerIn } from '../../scripts/check-ledger'
import { startStack } from '../../scripts/lib/start-stack'
import { describeMigrations, migrate, MIGRATIONS, type MigrateReport } from '../../scripts/migrations'
import type { Db, Doc } from '../../server/db'
import { clientFor, sdkDb, testCloud, type Client } from '../support/call'

const FIXTURE = path.resolve(__dirname, '../fixtures/legacy-single-community.json')
const LEGACY = 'default'
/** Collections without a community: the hierarchy itself and the migrations' record. */
const NO_COMMUNITY = new Set([collections.STREETS, collections.MIGRATIONS])
const ALL = [...new Set(Object.values(collections))].sort()
const IDS = MIGRATIONS.map((m) => m.id)

let fixture: Record<string, Doc[]>
const load = () => (fixture ??= (JSON.parse(fs.readFileSync(FIXTURE, 'utf8')) as { collections: Record<string, Doc[]> }).collections)

interface Legacy {
  cloud: LocalCloud
  client: Client
  /** The SDK's database, pointed at this cloud. */
  db(): Db
  stop(): Promise<void>
}

/** A fresh local cloud holding exactly the legacy database (written straight into its store). */
async function legacyCloud(dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'linli-migration-'))): Promise<Legacy> {
  const cloud = await startLocalCloud({ port: 0, dataDir, functionsDir: testCloud().functionsDir, watchFunctions: false, devEntry: true, strict: true, log: () => undefined })
  const store = cloud.service<DatabaseService>('database').store
  const docs = load()
  const create = Object.keys(docs).filter((c) => !store.collections.has(c)).map((c) => ({ k: 'create' as const, c }))
  await store.commit(Object.entries(docs).flatMap(([c, list]) => list.map((doc) => ({ c, id: doc._id as string, doc }))) as never, create)
  return {
    cloud,
    client: clientFor(cloud.url),
    db() {
      // the SDK reads where to send each request from the environment: this cloud, from now on
      Object.assign(process.env, cloud.sdkEnv)
      return sdkDb()
    },
    async stop() {
      await cloud.stop()
      fs.rmSync(dataDir, { recursive: true, force: true })
    },
  }
}

async function all(db: Db, c: string): Promise<Doc[]> {
  const _ = db.command
  const out: Doc[] = []
  for (let last = ''; ; ) {
    const page = ((await db.collection(c).where({ _id: _.gt(last) }).orderBy('_id', 'asc').limit(1000).get()) as { data: Doc[] }).data
    out.push(...page)
    if (page.length < 1000) return out
    last = page[page.length - 1]._id
  }
}

/** Every document of every collection but the migrations' record. */
async function dump(db: Db): Promise<Record<string, Doc[]>> {
  const out: Record<string, Doc[]> = {}
  for (const c of ALL) if (c !== collections.MIGRATIONS) out[c] = await all(db, c)
  return out
}

/** What people own and did: it must not move. */
async function holdings(db: Db) {
  const [accounts, ords, regs, redemptions] = await Promise.all([all(db, collections.ACCOUNTS), all(db, collections.ORDERS), all(db, collections.REGISTRATIONS), all(db, collections.REDEMPTIONS)])
  return {
    balances: Object.fromEntries<number>(accounts.filter((a) => a.kind === 'person').map((a) => [a._id, a.balance])),
    pools: Object.fromEntries(accounts.filter((a) => a.kind !== 'person').map((a) => [a._id, a.balance])),
    orders: Object.fromEntries(ords.map((o) => [o._id, { status: o.status, points: o.points, volunteerId: o.volunteerId, timeline: o.timeline.length }])),
    registrations: Object.fromEntries(regs.map((r) => [r._id, { status: r.status, seats: r.seats }])),
    redemptions: Object.fromEntries(redemptions.map((r) => [r._id, { status: r.status, price: r.price, lots: r.lots }])),
  }
}

const nothingChanged = (r: MigrateReport) => r.ran.map((x) => [x.id, x.changed])

let migrated: Record<string, Doc[]>

describe('migrations', () => {
  it('on the fresh seed of the shared test cloud (global setup) they found nothing to change', async () => {
    const records = await all(sdkDb(), collections.MIGRATIONS)
    expect(records.map((r) => [r._id, r.report.changed])).toEqual(IDS.map((id) => [id, {}]))
  })

  describe('the legacy single-community database', () => {
    let lc: Legacy
    let before: Awaited<ReturnType<typeof holdings>>
    let first: MigrateReport
    beforeAll(async () => {
      lc = await legacyCloud()
      const db = lc.db()
      expect((await checkLedgerIn(db)).violations).toEqual([])
      before = await holdings(db)
      first = await migrate(db)
      console.log(`legacy fixture: ${describeMigrations(first)}`)
      migrated = await dump(db)
    })
    afterAll(() => lc?.stop())

    it('the fixture is the old shape: one community/main, no streets, orders without a community', () => {
      const f = load()
      expect(f.community.map((c) => c._id)).toEqual(['main'])
      expect(f.streets ?? []).toEqual([])
      expect(f.orders.length).toBeGreaterThan(0)
      expect(f.orders.every((o) => o.communityId === undefined && !String(o.audienceKey).startsWith('c:'))).toBe(true)
    })

    it('the first run applies every migration in order and records each', async () => {
      expect(first.ran.map((r) => r.id)).toEqual(IDS)
      expect(first.ran[0].changed).toMatchObject({ community: 2, streets: 1, orders: load().orders.length, users: load().users.length })
      const records = await all(lc.db(), collections.MIGRATIONS)
      expect(records.map((r) => r._id)).toEqual(IDS)
      for (const r of records) expect(r).toMatchObject({ appliedAt: expect.any(Number), report: { changed: first.ran.find((x) => x.id === r._id)!.changed } })
    })

    it('is idempotent: a second run applies nothing, and running each again changes nothing', async () => {
      const db = lc.db()
      const second = await migrate(db)
      expect(second.ran).toEqual([])
      expect(second.before).toEqual(IDS)
      const again = await migrate(db, { again: IDS })
      expect(nothingChanged(again)).toEqual(IDS.map((id) => [id, {}]))
      expect(await dump(db)).toEqual(migrated)
    })

    it('nothing anyone owns or did moved, and the ledger still balances', async () => {
      const db = lc.db()
      expect(await holdings(db)).toEqual(before)
      expect(Object.keys(before.balances).length).toBeGreaterThan(0)
      expect((await checkLedgerIn(db)).violations).toEqual([])
    })

    it('the community keeps the ledger id, in a street; every document carries it', () => {
      const main = load().community[0]
      expect(migrated.community).toEqual([{ _id: LEGACY, name: main.name, streetId: 'street', communityId: LEGACY, order: 1 }])
      expect(migrated.streets).toEqual([{ _id: 'street', name: '本街道', streetId: 'street' }])
      for (const [c, docs] of Object.entries(migrated)) {
        if (NO_COMMUNITY.has(c)) continue
        // the first admin's invite belongs to the deployment, not to a community
        const lacking = docs.filter((d) => !d.communityId && !(c === collections.SETTINGS && d._id === 'admin_invite'))
        expect({ c, lacking: lacking.map((d) => d._id) }).toEqual({ c, lacking: [] })
      }
      expect(migrated.settings.find((s) => s._id === `orders_sla:${LEGACY}`) ?? null).toEqual(
        load().settings?.some((s) => s._id === 'orders_sla') ? expect.objectContaining({ communityId: LEGACY, streetId: 'street' }) : null,
      )
    })

    it('orders: in the community pool, keys recomputed with the community', () => {
      for (const o of migrated.orders) {
        expect(o).toMatchObject({ communityId: LEGACY, streetId: 'street', pool: 'community', street: null, streetKey: null })
        expect(o.audienceKey).toMatch(/^c:default\|(all|s:[a-z_]+|t:[a-z_]+|v:.+)$/)
      }
      for (const u of migrated.users) {
        expect(u).toMatchObject({ communityId: LEGACY, streetId: 'street', sortKey: expect.any(String) })
        if (u.roles.includes('staff')) expect(u.staffOf).toEqual([LEGACY])
        if (u.roles.includes('admin')) expect(u.adminOf).toEqual([LEGACY])
      }
    })

    it('004: orders written before the staff lists get their tab, 单号 and search name again', async () => {
      const db = lc.db()
      const _ = db.command
      for (const o of migrated.orders) expect(o).toMatchObject({ stage: expect.any(String), no: o._id.slice(-6).toUpperCase(), whoKey: expect.stringContaining(`|${o._id}`) })
      const stripped = migrated.orders.slice(0, 3).map((o) => o._id)
      for (const id of stripped) await db.collection('orders').doc(id).update({ data: { stage: _.remove(), no: _.remove(), whoKey: _.remove() } })
      const run = await migrate(db, { again: ['004-staff-order-lists'] })
      expect(run.ran.map((r) => [r.id, r.changed])).toEqual([['004-staff-order-lists', { orders: stripped.length }]])
      expect(await dump(db)).toEqual(migrated)
    })

    it('006: orders written before they kept their KPI facts get them, the facts their fields give', async () => {
      const db = lc.db()
      const _ = db.command
      for (const o of migrated.orders) expect(unpackFacts(o.facts as PackedFacts)).toEqual(storedFactsOf(o as unknown as FactsInput))
      const stripped = migrated.orders.slice(0, 3).map((o) => o._id)
      for (const id of stripped) await db.collection('orders').doc(id).update({ data: { facts: _.remove() } })
      const run = await migrate(db, { again: ['006-order-facts'] })
      expect(run.ran.map((r) => [r.id, r.changed])).toEqual([['006-order-facts', { orders: stripped.length }]])
      expect(await dump(db)).toEqual(migrated)
    })

    it('staff, the admin, volunteers and residents act in it through the functions and see what they had', async () => {
      const { okAs } = lc.client
      const people = migrated.users
      const admin = people.find((u) => u.roles.includes('admin'))!
      const inQueue = migrated.orders.filter((o) => o.queueKey !== null)

      const me = await okAs(admin._id, users.me, {})
      expect(me).toMatchObject({ profile: { communityId: LEGACY }, place: { communityId: LEGACY, streetId: 'street' }, scopes: { adminOf: [LEGACY] } })
      const adminQueue = (await okAs(admin._id, orders.triageQueue, { limit: 50 })).items
      expect(adminQueue.map((o) => o._id).sort()).toEqual(inQueue.map((o) => o._id).sort())
      expect(adminQueue.length).toBeGreaterThan(0)

      // each 网格员 sees the queue of their grids, in the community they now work in
      for (const staff of people.filter((u) => u.roles.includes('staff'))) {
        const queue = (await okAs(staff._id, orders.triageQueue, { limit: 50 })).items
        expect(queue.map((o) => o._id).sort()).toEqual(inQueue.filter((o) => staff.grids.includes(o.gridId)).map((o) => o._id).sort())
      }

      // the pool (audience keys with the community), each volunteer's tasks, each resident's orders
      const open = migrated.orders.filter((o) => o.status === 'open')
      const volunteer = people.find((u) => u.volunteer?.status === 'approved' && open.some((o) => o.audienceKey === `c:${LEGACY}|all` && !o.parties.includes(u._id)))!
      const offered = (await okAs(volunteer._id, orders.pool, { limit: 50 })).items.map((o) => o._id)
      expect(offered).toEqual(expect.arrayContaining(open.filter((o) => o.audienceKey === `c:${LEGACY}|all` && !o.parties.includes(volunteer._id)).map((o) => o._id)))
      for (const o of migrated.orders) {
        if (o.volunteerId) expect((await okAs(o.volunteerId, orders.tasks, { limit: 50, scope: 'all' })).items.map((x) => x._id)).toContain(o._id)
        expect((await okAs(o.orderedBy, orders.mine, { limit: 50, scope: 'all' })).items.map((x) => x._id)).toContain(o._id)
      }

      // paging keys: my sign-ups, the upcoming events, each person's points statement
      for (const reg of migrated.event_regs.filter((r) => r.status !== 'cancelled')) {
        const start = migrated.events.find((e) => e._id === reg.eventId)!.startAt
        expect(reg.eventStartKey).toBe(regStartKey(start, reg._id))
        expect((await okAs(reg.openid, eventsFn.list, { tab: 'mine', limit: 20 })).items.map((e) => e.id)).toContain(reg.eventId)
      }
      const upcoming = migrated.events.filter((e) => e.status === 'published' && e.endAt > Date.now())
      const listed = (await okAs(admin._id, eventsFn.list, { tab: 'upcoming', limit: 50 })).items.map((e) => e.id)
      expect(listed).toEqual(expect.arrayContaining(upcoming.map((e) => e._id)))
      const earners = Object.entries(before.balances).filter(([, b]) => b > 0)
      expect(earners.length).toBeGreaterThan(0)
      for (const [account, balance] of earners) {
        const openid = migrated.points_accounts.find((a) => a._id === account)!.openid
        expect((await okAs(openid, pointsFn.balance, {})).balance).toBe(balance)
        const moves = migrated.points_transfers.filter((t) => t.accounts.includes(account)).length
        expect((await okAs(openid, pointsFn.statement, { limit: 50 })).items).toHaveLength(moves)
      }
    })
  })

  it('a run stopped halfway is finished by the next one, with the same result', async () => {
    const lc = await legacyCloud()
    try {
      const db = lc.db()
      const total = load().orders.length
      expect(total).toBeGreaterThan(3)
      const stop = (c: string, page: number) => {
        if (c === collections.ORDERS && page === 1) throw new Error('stopped after the first page of orders')
      }
      await expect(migrate(db, { pageSize: 3, afterPage: stop })).rejects.toThrow('stopped after the first page of orders')
      expect(await all(db, collections.MIGRATIONS)).toEqual([])
      const half = await all(db, collections.ORDERS)
      expect(half.filter((o) => o.communityId === LEGACY)).toHaveLength(3)

      const rest = await migrate(db, { pageSize: 3 })
      expect(rest.ran.map((r) => r.id)).toEqual(IDS)
      expect(rest.ran[0].changed.orders).toBe(total - 3)
      expect(rest.ran[0].changed.users ?? 0).toBe(0)
      expect(await dump(db)).toEqual(migrated)
    } finally {
      await lc.stop()
    }
  })

  it('the local cloud start (npm start) over a database of the old version migrates it before asking whether the demo is there', async () => {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'linli-migration-start-'))
    await (await legacyCloud(dataDir)).cloud.stop()
    const lines: string[] = []
    const stack = await startStack({ appPort: 0, dataDir, functionsDir: testCloud().functionsDir, buildFunctions: false, buildH5: 'never', log: (l) => void lines.push(l) })
    try {
      const said = lines.filter((l) => !l.startsWith('[cloud]')).join('\n')
      expect(said).toMatch(/migrations: ran 001-street-hierarchy \(users \d+, orders \d+, .*\), 002-paging-keys \(.*\) — \d+ ms/)
      expect(said).toContain('demo community already there')
      const me = await clientFor(stack.cloud.url).okAs(migrated.users.find((u) => u.roles.includes('admin'))!._id, users.me, {})
      expect(me.place).toEqual({ communityId: LEGACY, streetId: 'street' })
    } finally {
      await stack.stop()
      fs.rmSync(dataDir, { recursive: true, force: true })
    }
  })
})
