/**
 * Versioned data migrations. Each has a number and runs once per database: the ones applied are
 * recorded in the collection `migrations` (doc id = the migration's id: `{ appliedAt, title, report }`),
 * and a run applies the missing ones, in order, stopping at the first that fails. Each migration is
 * idempotent on its own — it writes only what documents lack, in pages over `_id` — so one that died
 * halfway is finished by the next run.
 *
 * Run by `npm run deploy` (before the functions are switched over), by the local cloud's start
 * (`npm start`, the integration tests' setup) and by `npm run migrate`. How to add one: docs/architecture.md.
 */
import { MIGRATIONS as MIGRATIONS_COLLECTION } from '../../core/collections'
import type { Db } from '../../server/db'
import { legacyOf, streetHierarchy } from './001-street-hierarchy'
import { pagingKeys } from './002-paging-keys'
import { signUpsByDate } from './003-sign-ups-by-date'
import { staffOrderLists } from './004-staff-order-lists'
import { orderSources } from './005-order-sources'
import { orderFactsFill } from './006-order-facts'
import { eachPage, type MigrationContext } from './pages'

export interface Migration {
  /** Number, then a name: `001-street-hierarchy`. Sorted, they are the order of the list. */
  id: string
  title: string
  run(m: MigrationContext, env: NodeJS.ProcessEnv): Promise<void>
}

export const MIGRATIONS: Migration[] = [
  { id: '001-street-hierarchy', title: '街道层级：单社区数据归入一个街道下的一个社区', run: (m, env) => streetHierarchy(m, legacyOf(env)) },
  { id: '002-paging-keys', title: '翻页键：旧数据补上列表翻页用的排序键', run: (m) => pagingKeys(m) },
  { id: '003-sign-ups-by-date', title: '我报名的按活动日期排：旧报名补上活动开始时间的排序键', run: (m) => signUpsByDate(m) },
  { id: '004-staff-order-lists', title: '工作人员按阶段、单号、居民姓名找单子：旧单子补上阶段、单号和姓名键', run: (m) => staffOrderLists(m) },
  { id: '005-order-sources', title: '单子来源：旧单子补上本人 / 楼栋长代下单 / 网格员代下单', run: (m) => orderSources(m) },
  { id: '006-order-facts', title: '统计事实：旧单子补上三率统计要用的事实（统计只读这一项）', run: (m) => orderFactsFill(m) },
]

export interface MigrationRun {
  id: string
  /** Documents written, by collection (none: it found nothing to do). */
  changed: Record<string, number>
  ms: number
}

export interface MigrateReport {
  /** Run now, in order. */
  ran: MigrationRun[]
  /** Recorded as applied before this run (and not asked for again). */
  before: string[]
  ms: number
}

export interface MigrateOptions {
  /** Default: the list above. */
  migrations?: Migration[]
  /** Run these again even though recorded (deploy's second pass; their record stays as it was). */
  again?: string[]
  /** Where the legacy community and street come from (default process.env). */
  env?: NodeJS.ProcessEnv
  pageSize?: number
  afterPage?: MigrationContext['afterPage']
}

/** Apply the migrations not yet recorded, in order; a failure stops the run (the next run starts with that one). */
export async function migrate(db: Db, o: MigrateOptions = {}): Promise<MigrateReport> {
  const started = Date.now()
  const list = o.migrations ?? MIGRATIONS
  const applied = new Set<string>()
  await eachPage({ db, pageSize: 100, changed: {} }, MIGRATIONS_COLLECTION, async (docs) => docs.forEach((d) => applied.add(d._id)))
  const ran: MigrationRun[] = []
  for (const mig of [...list].sort((a, b) => a.id.localeCompare(b.id))) {
    const again = o.again?.includes(mig.id) ?? false
    if (applied.has(mig.id) && !again) continue
    const t = Date.now()
    const m: MigrationContext = { db, pageSize: o.pageSize ?? 100, changed: {}, afterPage: o.afterPage }
    await mig.run(m, o.env ?? process.env)
    const run = { id: mig.id, changed: m.changed, ms: Date.now() - t }
    if (!applied.has(mig.id)) await db.collection(MIGRATIONS_COLLECTION).doc(mig.id).set({ data: { appliedAt: Date.now(), title: mig.title, report: { changed: run.changed, ms: run.ms } } })
    ran.push(run)
  }
  return { ran, before: list.map((x) => x.id).filter((id) => applied.has(id) && !o.again?.includes(id)), ms: Date.now() - started }
}

const changes = (c: Record<string, number>) =>
  Object.keys(c).length
    ? Object.entries(c)
        .map(([k, n]) => `${k} ${n}`)
        .join(', ')
    : 'nothing to change'

/** One line: what ran and what it wrote, per collection. */
export function describeMigrations(r: MigrateReport): string {
  const ran = r.ran.map((x) => `${x.id} (${changes(x.changed)}; ${x.ms} ms)`)
  const before = r.before.length ? `; applied before: ${r.before.join(', ')}` : ''
  return `migrations: ${ran.length ? `ran ${ran.join(', ')}` : 'none to run'}${before} — ${r.ms} ms`
}
