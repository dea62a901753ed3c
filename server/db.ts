import type { DB } from 'wx-server-sdk'
import { commonError } from '../core/contract/errors'

export type Db = DB.Database
/* eslint-disable @typescript-eslint/no-explicit-any */
export type Doc = Record<string, any>

/** What a transaction offers: single-document operations on known ids (no where() — it would run outside). */
export interface Tx {
  /** `db.command` of the database that runs the transaction (its serializer tags commands, so they must come from the same SDK copy). */
  command: Pick<Db['command'], 'inc'>
  collection(name: string): {
    doc(id: string): {
      get(): Promise<{ data: Doc | null }>
      set(opts: { data: Doc }): Promise<unknown>
      update(opts: { data: Doc }): Promise<unknown>
      remove(): Promise<unknown>
    }
    add(opts: { data: Doc }): Promise<{ _id: string }>
  }
}

/** A readable document handle, inside or outside a transaction. */
interface Readable {
  collection(name: string): { doc(id: string): { get(): unknown } }
}

const NOT_FOUND = /does not exist|not exist|DOCUMENT_NOT_FOUND|NOT_EXIST/i
const CONFLICT = /TRANSACTION_CONFLICT|conflict/i

/** An SDK or database error as one searchable line (code, errCode, errMsg, message). */
export function errorText(err: unknown): string {
  if (!err || typeof err !== 'object') return String(err)
  const e = err as Record<string, unknown>
  return [e.code, e.errCode, e.errMsg, e.message].filter((x) => x !== undefined).join(' ')
}

/** A lost race between transactions (at commit, or raised by a write inside one). */
export function isConflict(err: unknown): boolean {
  return CONFLICT.test(errorText(err))
}

/** The document, or null when it does not exist (the db is created with throwOnNotFound: false; this also covers a throwing one). */
export async function getOrNull<T extends Doc = Doc>(db: Readable, collection: string, id: string): Promise<T | null> {
  try {
    const res = (await db.collection(collection).doc(id).get()) as { data: T | T[] | null }
    const data = Array.isArray(res.data) ? res.data[0] : res.data
    return data ?? null
  } catch (err) {
    if (NOT_FOUND.test(errorText(err))) return null
    throw err
  }
}

/** Replace a whole document: set() without `_id` in the body (the SDK refuses it). */
export function setDoc<T extends { _id: string }>(t: Tx, collection: string, doc: T): Promise<unknown> {
  const { _id, ...data } = doc
  return t.collection(collection).doc(_id).set({ data })
}

export interface TxOptions {
  /** Extra attempts after a conflict (default 4). */
  retries?: number
  /** Upper bound of the random pause before a retry, ms, doubled per attempt (default 20). */
  backoffMs?: number
}

/**
 * Run `fn` in one transaction. The SDK retries only conflicts reported at commit and retries at
 * once; we retry every conflict (commit or write) ourselves, with a short random pause so racing
 * callers spread out. A conflict that survives the retries becomes BUSY (the client retries by
 * itself). Errors thrown by `fn` (e.g. AppError) roll the transaction back and pass through.
 */
export async function tx<T>(db: Db, fn: (t: Tx) => Promise<T>, opts: TxOptions = {}): Promise<T> {
  const retries = opts.retries ?? 4
  const backoff = opts.backoffMs ?? 20
  for (let attempt = 0; ; attempt++) {
    try {
      return (await db.runTransaction((t: Pick<Tx, 'collection'>) => fn({ command: db.command, collection: (name) => t.collection(name) }), 0)) as T
    } catch (err) {
      if (!isConflict(err)) throw err
      if (attempt >= retries) throw commonError('BUSY')
      await new Promise((r) => setTimeout(r, Math.random() * backoff * 2 ** attempt))
    }
  }
}

/** Documents of a query (the SDK's typings are loose; this is the one cast). */
export async function rows<T = Doc>(query: { get(): unknown }): Promise<T[]> {
  return ((await query.get()) as { data: T[] }).data
}

export async function countOf(query: { count(): unknown }): Promise<number> {
  return ((await query.count()) as { total: number }).total
}
