/**
 * How a migration walks and fills the database: a page at a time in `_id` order (a cursor, never
 * skip: documents written meanwhile cause no gaps), writing only what a document lacks, so a run
 * that died halfway is finished by running it again.
 */
import { errorText, getOrNull, tx, type Db, type Doc } from '../../server/db'

export interface MigrationContext {
  db: Db
  /** Documents read per page (default 100; the cloud returns at most 1,000). */
  pageSize: number
  /** Documents written, by collection: what the run reports. */
  changed: Record<string, number>
  /** Called after each page is written (a test stops a run here to resume it later). */
  afterPage?: (collection: string, page: number) => void | Promise<void>
}

/** What to write into one document, or null when it lacks nothing. */
export type PatchOf = (doc: Doc) => Doc | null

export function count(m: MigrationContext, collection: string, n: number): void {
  if (n > 0) m.changed[collection] = (m.changed[collection] ?? 0) + n
}

const MISSING_COLLECTION = /COLLECTION_NOT_EXIST|collection not exists?/i

/** Every document of a collection, a page at a time in `_id` order; a collection that does not exist has none. */
export async function eachPage(m: MigrationContext, collection: string, f: (docs: Doc[]) => Promise<void>): Promise<void> {
  const _ = m.db.command
  let last = ''
  for (let page = 1; ; page++) {
    let docs: Doc[]
    try {
      docs = ((await m.db.collection(collection).where({ _id: _.gt(last) }).orderBy('_id', 'asc').limit(m.pageSize).get()) as { data: Doc[] }).data
    } catch (err) {
      if (page === 1 && MISSING_COLLECTION.test(errorText(err))) return
      throw err
    }
    if (!docs.length) return
    await f(docs)
    await m.afterPage?.(collection, page)
    if (docs.length < m.pageSize) return
    last = docs[docs.length - 1]._id
  }
}

/**
 * Each document that lacks something gets it, in a transaction that reads it again first (a
 * function writing it meanwhile makes the transaction retry, and a document that no longer lacks
 * anything is left alone). A few at a time.
 */
export async function fillEach(m: MigrationContext, collection: string, patchOf: PatchOf): Promise<void> {
  await eachPage(m, collection, async (docs) => {
    const todo = docs.filter((d) => patchOf(d))
    for (let i = 0; i < todo.length; i += 10) {
      const done = await Promise.all(
        todo.slice(i, i + 10).map((d) =>
          tx(
            m.db,
            async (t) => {
              const fresh = await getOrNull(t, collection, d._id)
              const patch = fresh && patchOf(fresh)
              if (!patch) return 0
              await t.collection(collection).doc(d._id).update({ data: patch })
              return 1
            },
            { retries: 8 },
          ),
        ),
      )
      count(m, collection, done.reduce((a: number, b) => a + b, 0))
    }
  })
}

/**
 * The same fields for every document of a page that lacks `field`: one update per page, guarded
 * by the field's absence (a document that got it meanwhile keeps its own).
 */
export async function fillMissing(m: MigrationContext, collection: string, field: string, data: Doc, keep: (doc: Doc) => boolean = () => true): Promise<void> {
  const _ = m.db.command
  await eachPage(m, collection, async (docs) => {
    const ids = docs.filter((d) => d[field] === undefined && keep(d)).map((d) => d._id)
    if (!ids.length) return
    const res = (await m.db.collection(collection).where({ _id: _.in(ids), [field]: _.exists(false) }).update({ data })) as { stats?: { updated?: number } }
    count(m, collection, res.stats?.updated ?? 0)
  })
}
