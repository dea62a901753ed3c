import { Aggregator } from 'mingo'
import { WireError } from '../errors'
import { type Doc, clone, decode } from './codec'
import type { QueryEngine } from './query'
import type { Store } from './store'

/** An aggregation without a $limit stage returns only 20 results in the cloud. */
export const AGGREGATE_DEFAULT_LIMIT = 20
const UNSUPPORTED = new Set(['$out', '$merge', '$geoNear', '$collStats', '$indexStats', '$currentOp', '$listSessions'])

/** Parse the SDK's stages ([{ stageKey: '$match', stageValue: '<extended JSON>' }]). */
export function parseStages(stages: unknown): Doc[] {
  if (!Array.isArray(stages)) throw new WireError('INVALID_PARAM', 'stages must be an array')
  const now = Date.now()
  return stages.map((s, i) => {
    const key = (s as Doc | null)?.stageKey
    if (typeof key !== 'string' || !key.startsWith('$')) throw new WireError('INVALID_PARAM', `stages[${i}].stageKey must be an operator like $match`)
    if (UNSUPPORTED.has(key)) throw new WireError('INVALID_PARAM', `aggregation stage ${key} is not supported by the local cloud`)
    return { [key]: decode((s as Doc).stageValue, `stage ${key}`, now) }
  })
}

/**
 * Run a pipeline with mingo (MongoDB semantics). A leading $match goes through the query engine
 * so it can use an index (and a large scan without one logs the engine's warning); $lookup reads
 * other collections' current documents.
 */
export function aggregate(store: Store, engine: QueryEngine, name: string, rawStages: unknown): Doc[] {
  const col = store.collection(name)
  const pipeline = parseStages(rawStages)
  // Without a leading $match every document is read: the engine's missing-index warning fires too.
  const match = pipeline[0]?.$match && typeof pipeline[0].$match === 'object' ? (pipeline.shift()!.$match as Doc) : {}
  const input = engine.find(col, match)
  if (!pipeline.some((s) => '$limit' in s)) pipeline.push({ $limit: AGGREGATE_DEFAULT_LIMIT })
  try {
    const agg = new Aggregator(pipeline, {
      collectionResolver: (other: string) => {
        const c = store.collections.get(other)
        return c ? [...c.liveDocs()].map(([, d]) => d) : []
      },
    })
    // mingo may modify documents in place for some stages; give it copies.
    return agg.run(input.map(clone)) as Doc[]
  } catch (err) {
    throw new WireError('INVALID_PARAM', `invalid aggregation: ${(err as Error).message}`)
  }
}
