import { Query } from 'mingo'
import { WireError } from '../errors'
import type { AdminBody } from '../types'
import { type Doc, decode, decodeObject, encode, newId } from './codec'
import { QueryEngine } from './query'
import type { Store, Write } from './store'
import { type Transactions, type Txn } from './transactions'
import { applyUpdate } from './update'
import { aggregate } from './aggregate'

/** where().get() without a limit returns 100 documents; the cloud never returns more than 1000. */
export const DEFAULT_LIMIT = 100
export const MAX_LIMIT = 1000

export interface ActionsOptions {
  strict: boolean
  log: (line: string) => void
  /** Collections created with createCollection get their declared indexes. */
  onCreate: (name: string) => void
}

type Handler = (body: AdminBody) => Promise<unknown> | unknown

/** The `database.*` wire actions of @cloudbase/database (as wx-server-sdk 4.0.2 sends them). */
export class DatabaseActions {
  readonly engine: QueryEngine
  private readonly handlers: Record<string, Handler>
  private warnedOutside = new Set<string>()

  constructor(
    private readonly store: Store,
    private readonly txns: Transactions,
    private readonly opts: ActionsOptions,
  ) {
    this.engine = new QueryEngine(opts.log)
    this.handlers = {
      'database.getDocument': (b) => this.getDocument(b),
      'database.calculateDocument': (b) => this.calculate(b),
      'database.insertDocument': (b) => this.insert(b),
      'database.modifyDocument': (b) => this.modify(b),
      'database.modifyAndReturnDoc': (b) => this.modifyAndReturn(b),
      'database.removeDocument': (b) => this.remove(b),
      'database.aggregateDocuments': (b) => this.aggregate(b),
      'database.addCollection': (b) => this.addCollection(b),
      'database.listCollections': () => this.listCollections(),
      'database.startTransaction': () => ({ transactionId: this.txns.start() }),
      'database.commitTransaction': async (b) => {
        await this.txns.commit(b.transactionId)
        return {}
      },
      'database.abortTransaction': (b) => {
        this.txns.abort(b.transactionId)
        return {}
      },
    }
  }

  async handle(action: string, body: AdminBody): Promise<unknown> {
    const h = this.handlers[action]
    if (!h) throw new WireError('INVALID_ACTION', `unknown database action ${action}`)
    // Handlers read (and apply their own commit) synchronously before their first await, so this
    // seq covers everything the answer can reveal. Answer only once all of it is durable: a read
    // must never show a write that a crash could still take back (its writer was not answered yet).
    // (Errors too: "duplicate key" reveals a document.)
    let answer: Promise<unknown>
    try {
      answer = Promise.resolve(h(body))
    } catch (err) {
      answer = Promise.reject(err)
    }
    const seen = this.store.seq
    try {
      return await answer
    } finally {
      await this.store.durable(seen)
    }
  }

  private colName(body: AdminBody): string {
    const c = body.collectionName
    if (typeof c !== 'string' || !c) throw new WireError('INVALID_PARAM', 'collectionName must be a non-empty string')
    return c
  }

  /** The transaction of a request, or undefined. where() in a transaction is refused in strict mode. */
  private txnOf(body: AdminBody, what: string): Txn | undefined {
    if (!body.transactionId) return undefined
    if (body.queryType !== 'DOC' && what !== 'insert') {
      const c = body.collectionName
      if (this.opts.strict) {
        throw new WireError(
          'DATABASE_REQUEST_FAILED',
          `[local cloud strict mode] where().${what}() on collection "${c}" was sent inside transaction ${body.transactionId}. ` +
            'The cloud runs where() operations OUTSIDE the transaction; use doc(id) operations in transactions.',
        )
      }
      const k = `${c} ${what}`
      if (!this.warnedOutside.has(k)) this.opts.log(`[database] where().${what}() on "${c}" inside a transaction runs outside it (as in the cloud)`)
      this.warnedOutside.add(k)
      return undefined
    }
    return this.txns.get(body.transactionId)
  }

  private docId(filter: Doc): string {
    const id = filter._id
    if (typeof id !== 'string' && typeof id !== 'number') throw new WireError('INVALID_PARAM', 'doc() operations need a string or number _id')
    return String(id)
  }

  private read(txn: Txn | undefined, c: string, id: string): Doc | null {
    return txn ? this.txns.read(txn, c, id) : this.store.collection(c).head(id)
  }

  /** Buffer in the transaction, or commit now and wait until durable. */
  private async write(txn: Txn | undefined, writes: Write[]): Promise<void> {
    if (txn) for (const w of writes) this.txns.write(txn, w)
    else await this.store.commit(writes)
  }

  private matching(body: AdminBody, filter: Doc, opts: { limit?: number } = {}): Doc[] {
    return this.engine.find(this.store.collection(this.colName(body)), filter, opts)
  }

  private async getDocument(body: AdminBody): Promise<unknown> {
    const c = this.colName(body)
    const col = this.store.collection(c)
    const filter = decodeObject(body.query, 'query')
    const txn = this.txnOf(body, 'get')
    let docs: Doc[]
    if (body.queryType === 'DOC') {
      const doc = this.read(txn, c, this.docId(filter))
      docs = doc ? [doc] : []
    } else {
      const order = decodeObject(body.order, 'order')
      const sort = Object.entries(order).map(([f, d]) => [f, Number(d) < 0 ? -1 : 1] as [string, number])
      const skip = intParam(body.offset, 'offset') ?? 0
      const limit = Math.min(intParam(body.limit, 'limit') || DEFAULT_LIMIT, MAX_LIMIT)
      docs = this.engine.find(col, filter, { sort, skip, limit })
    }
    const projection = decodeObject(body.projection, 'projection')
    if (Object.keys(projection).length) docs = project(docs, projection)
    return { data: { list: docs.map(encode) } }
  }

  private calculate(body: AdminBody): unknown {
    this.txnOf(body, 'count')
    return { data: { total: this.engine.count(this.store.collection(this.colName(body)), decodeObject(body.query, 'query')) } }
  }

  private async insert(body: AdminBody): Promise<unknown> {
    const c = this.colName(body)
    const col = this.store.collection(c)
    const txn = this.txnOf(body, 'insert')
    if (!Array.isArray(body.data) || body.data.length === 0) throw new WireError('INVALID_PARAM', 'data must be a non-empty array of documents')
    const now = Date.now()
    const writes: Write[] = body.data.map((text: unknown) => {
      const doc = decodeObject(text, 'document', now)
      const id = doc._id === undefined ? newId() : String(doc._id)
      return { c, id, doc: { _id: doc._id ?? id, ...doc } }
    })
    const ids = new Set<string>()
    for (const w of writes) {
      if (ids.has(w.id) || (txn ? this.txns.read(txn, c, w.id) : col.head(w.id))) {
        throw new WireError('DATABASE_REQUEST_FAILED', `E11000 duplicate key error collection: ${c} index: _id_ dup key: { _id: ${JSON.stringify(w.id)} }`)
      }
      ids.add(w.id)
    }
    await this.write(txn, writes)
    return { data: { insertedIds: writes.map((w) => w.doc!._id) } }
  }

  private async modify(body: AdminBody): Promise<unknown> {
    const c = this.colName(body)
    const txn = this.txnOf(body, 'update')
    const filter = decodeObject(body.query, 'query')
    const data = decodeObject(body.data, 'data')
    const merge = body.merge !== false
    if (body.queryType === 'DOC') {
      const id = this.docId(filter)
      const cur = this.read(txn, c, id)
      if (!cur && !body.upsert) return { data: { updated: 0 } }
      const next = applyUpdate(id, cur, data, merge)
      if (next) await this.write(txn, [{ c, id, doc: next }])
      return { data: { updated: cur && next ? 1 : 0, ...(cur ? {} : { upsert_id: id }) } }
    }
    const docs = this.matching(body, filter, body.multi === false ? { limit: 1 } : {})
    const writes: Write[] = []
    for (const d of docs) {
      const next = applyUpdate(String(d._id), d, data, merge)
      if (next) writes.push({ c, id: String(d._id), doc: next })
    }
    await this.store.commit(writes)
    return { data: { updated: writes.length } }
  }

  private async modifyAndReturn(body: AdminBody): Promise<unknown> {
    const c = this.colName(body)
    this.txnOf(body, 'updateAndReturn')
    const [doc] = this.matching(body, decodeObject(body.query, 'query'), { limit: 1 })
    if (!doc) return { data: { updated: 0, doc: null } }
    const next = applyUpdate(String(doc._id), doc, decodeObject(body.data, 'data'), true)
    if (next) await this.store.commit([{ c, id: String(doc._id), doc: next }])
    return { data: { updated: next ? 1 : 0, doc: encode(next ?? doc) } }
  }

  private async remove(body: AdminBody): Promise<unknown> {
    const c = this.colName(body)
    const txn = this.txnOf(body, 'remove')
    const filter = decodeObject(body.query, 'query')
    if (body.queryType === 'DOC') {
      const id = this.docId(filter)
      if (!this.read(txn, c, id)) return { data: { deleted: 0 } }
      await this.write(txn, [{ c, id, doc: null }])
      return { data: { deleted: 1 } }
    }
    const docs = this.matching(body, filter, body.multi === false ? { limit: 1 } : {})
    await this.store.commit(docs.map((d) => ({ c, id: String(d._id), doc: null })))
    return { data: { deleted: docs.length } }
  }

  private aggregate(body: AdminBody): unknown {
    const c = this.colName(body)
    const list = aggregate(this.store, this.engine, c, body.stages)
    return { data: { list: list.map(encode) } }
  }

  private async addCollection(body: AdminBody): Promise<unknown> {
    const c = this.colName(body)
    if (!/^[A-Za-z0-9_-]{1,64}$/.test(c)) throw new WireError('INVALID_PARAM', `invalid collection name ${c}`)
    if (this.store.collections.has(c)) throw new WireError('DATABASE_COLLECTION_ALREADY_EXIST', `Table exist: ${c}`)
    await this.store.commit([], [{ k: 'create', c }])
    this.opts.onCreate(c)
    return {}
  }

  listCollections(): unknown {
    const collections = [...this.store.collections.values()].map((col) => ({
      name: col.name,
      count: col.live,
      indexes: col.indexes.map((ix) => ix.decl),
    }))
    return { data: { collections } }
  }
}

function intParam(v: unknown, name: string): number | undefined {
  if (v === undefined || v === null || v === '') return undefined
  const n = typeof v === 'string' ? Number(decode(v, name)) : Number(v)
  if (!Number.isInteger(n) || n < 0) throw new WireError('INVALID_PARAM', `${name} must be a non-negative integer`)
  return n
}

/** field(): MongoDB projection (mingo). */
export function project(docs: Doc[], projection: Doc): Doc[] {
  try {
    return new Query({}).find(docs, projection).all() as Doc[]
  } catch (err) {
    throw new WireError('INVALID_PARAM', `invalid projection: ${(err as Error).message}`)
  }
}
