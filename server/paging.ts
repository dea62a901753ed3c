/**
 * The query side of core/contract/paging.ts: `where(key beyond cursor).orderBy(key).limit(n + 1)`.
 * The key must be unique and on a declared index together with the equality fields of `where`.
 */
import { mergedPage, pageOf, type Page } from '../core/contract/paging'
import { rows, type Db, type Doc } from './db'

export interface Listing {
  collection: string
  /** A plain filter, or a command such as `_.and([...])`. */
  where: object
  /** The sort key; a path such as `volunteer.sortKey` reads a nested field. */
  key: string
  dir: 'asc' | 'desc'
  /** Only these fields of each row (and `_id`), e.g. `{ createdAt: true }`. */
  fields?: Record<string, true>
}

const valueAt = (row: Doc, path: string): string => path.split('.').reduce((v: Doc | undefined, k) => v?.[k], row) as unknown as string

/** Rows without the key never match: `gt('')` leaves out null and missing keys. */
function beyond(db: Db, { where, key, dir }: Listing, cursor: string | undefined): object {
  const _ = db.command
  const cond = { [key]: dir === 'asc' ? _.gt(cursor ?? '') : cursor ? _.lt(cursor) : _.gt('') }
  return Object.getPrototypeOf(where) === Object.prototype ? { ...where, ...cond } : _.and([where, cond])
}

/** `limit + 1` rows after the cursor, in key order (the extra row tells whether another page exists). */
export function rowsAfter<T extends Doc>(db: Db, l: Listing, cursor: string | undefined, limit: number): Promise<T[]> {
  const q = db.collection(l.collection).where(beyond(db, l, cursor))
  return rows<T>((l.fields ? q.field({ ...l.fields, [l.key]: true }) : q).orderBy(l.key, l.dir).limit(limit + 1))
}

/** One page of one listing, or of several over the same key and direction merged (e.g. two collections). */
export async function pageBy<T extends Doc>(db: Db, page: { cursor?: string; limit: number }, ...listings: Listing[]): Promise<Page<T>> {
  const found = await Promise.all(listings.map((l) => rowsAfter<T>(db, l, page.cursor, page.limit)))
  return mergedPage(found, page.limit, (row) => valueAt(row, listings[0].key), listings[0].dir)
}

/**
 * Two listings over the same key read one after the other as one list (e.g. coming events soonest
 * first, then past ones latest first). `inFirst` tells from a cursor which of the two it is in.
 */
export async function pageInTurn<T extends Doc>(
  db: Db,
  page: { cursor?: string; limit: number },
  first: Listing,
  then: Listing,
  inFirst: (cursor: string) => boolean,
): Promise<Page<T>> {
  const { cursor, limit } = page
  const inThen = cursor !== undefined && !inFirst(cursor)
  const a = inThen ? [] : await rowsAfter<T>(db, first, cursor, limit)
  const b = a.length > limit ? [] : await rowsAfter<T>(db, then, inThen ? cursor : undefined, limit - a.length)
  return pageOf([...a, ...b], limit, (row) => valueAt(row, first.key))
}

/** The cloud returns at most this many rows per get, silently: a page asks for one more than it keeps, so at most 999. */
export const MAX_BATCH = 999

/** Every row, a page at a time, up to `max` (then `next` says where the rest begins). */
export async function allBy<T extends Doc>(db: Db, l: Listing, opts: { batch?: number; max?: number } = {}): Promise<Page<T>> {
  const { max = Infinity } = opts
  const batch = Math.min(opts.batch ?? 100, MAX_BATCH)
  const items: T[] = []
  for (let cursor: string | undefined; ; ) {
    const page = await pageBy<T>(db, { cursor, limit: Math.min(batch, max - items.length) }, l)
    items.push(...page.items)
    if (!page.next || items.length >= max) return { items, next: page.next }
    cursor = page.next
  }
}
