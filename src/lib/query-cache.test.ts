import { QueryCache, stableJson } from './query-cache'

/** A promise the test settles by hand. */
function deferred<T>() {
  let resolve!: (v: T) => void
  let reject!: (e: unknown) => void
  const promise = new Promise<T>((res, rej) => {
    resolve = res
    reject = rej
  })
  return { promise, resolve, reject }
}

const tick = () => new Promise((r) => setImmediate(r))

describe('QueryCache', () => {
  let now = 1_000
  let cache: QueryCache
  beforeEach(() => {
    now = 1_000
    cache = new QueryCache(() => now)
  })

  it('shares one request between readers asking at the same time', async () => {
    const d = deferred<number>()
    const load = jest.fn(() => d.promise)
    const a = cache.fetch('k', load)
    const b = cache.fetch('k', load)
    expect(load).toHaveBeenCalledTimes(1)
    expect(cache.get('k').fetching).toBe(true)
    d.resolve(7)
    await Promise.all([a, b])
    expect(cache.get('k')).toMatchObject({ data: 7, fetching: false, at: 1_000, stale: false, error: undefined })
  })

  it('keeps the data on screen when a refresh fails, and clears the error on the next success', async () => {
    await cache.fetch('k', async () => 'first')
    await cache.fetch('k', () => Promise.reject(new Error('network')))
    expect(cache.get('k').data).toBe('first')
    expect((cache.get('k').error as Error).message).toBe('network')
    await cache.fetch('k', async () => 'second')
    expect(cache.get('k')).toMatchObject({ data: 'second', error: undefined })
  })

  it('needs a fetch when never fetched, when stale, or when older than the allowed age', async () => {
    expect(cache.needsFetch('k', 60_000)).toBe(true)
    await cache.fetch('k', async () => 1)
    expect(cache.needsFetch('k', 60_000)).toBe(false)
    expect(cache.needsFetch('k', 0)).toBe(true) // the default: fetch again whenever a page opens
    now += 60_001
    expect(cache.needsFetch('k', 60_000)).toBe(true)
    await cache.fetch('k', async () => 2)
    cache.invalidateAll()
    expect(cache.needsFetch('k', 60_000)).toBe(true)
  })

  it('does not share a request started before a change: the answer may predate it', async () => {
    const before = deferred<string>()
    void cache.fetch('k', () => before.promise)
    cache.invalidateAll()
    const after = cache.fetch('k', async () => 'after the change')
    before.resolve('before the change')
    await after
    await tick()
    expect(cache.get('k').data).toBe('after the change')
    expect(cache.get('k').stale).toBe(false)
  })

  it('an answer that was on its way during a change stays stale', async () => {
    const d = deferred<string>()
    const run = cache.fetch('k', () => d.promise)
    cache.invalidateAll()
    d.resolve('maybe old')
    await run
    expect(cache.get('k')).toMatchObject({ data: 'maybe old', stale: true })
    expect(cache.needsFetch('k', 60_000)).toBe(true)
  })

  it('tells listeners of every change and calls the invalidation hooks once per change', async () => {
    const seen: unknown[] = []
    const off = cache.subscribe('k', () => seen.push(cache.get('k').data))
    const changed = jest.fn()
    cache.onInvalidate(changed)
    await cache.fetch('k', async () => 'v')
    cache.invalidateAll()
    expect(changed).toHaveBeenCalledTimes(1)
    off()
    await cache.fetch('k', async () => 'unseen')
    expect(seen).toEqual([undefined, 'v', 'v'])
  })

  it('merges a refresh with what is shown (paged lists) and updates in place', async () => {
    await cache.fetch<number[]>('k', async () => [1, 2])
    await cache.fetch<number[]>('k', async () => [3], (prev, next) => [...(prev ?? []), ...next])
    cache.update<number[]>('k', (prev) => [...(prev ?? []), 4])
    expect(cache.get('k').data).toEqual([1, 2, 3, 4])
  })

  it('forgets everything on clear, and an answer for the previous person never lands', async () => {
    const d = deferred<string>()
    const seen: unknown[] = []
    cache.subscribe('k', () => seen.push(cache.get('k').data))
    const run = cache.fetch('k', () => d.promise)
    cache.clear()
    d.resolve('the previous person’s data')
    await run
    expect(cache.get('k').data).toBeUndefined()
    expect(cache.needsFetch('k', 60_000)).toBe(true)
    expect(seen).not.toContain('the previous person’s data')
  })

  it('keeps at most 60 reads nobody shows, dropping the oldest', async () => {
    for (let i = 0; i < 70; i++) {
      now = 1_000 + i
      const off = cache.subscribe(`k${i}`, () => undefined)
      await cache.fetch(`k${i}`, async () => i)
      off()
    }
    expect(cache.get('k0').data).toBeUndefined()
    expect(cache.get('k9').data).toBeUndefined()
    expect(cache.get('k10').data).toBe(10)
    expect(cache.get('k69').data).toBe(69)
  })
})

describe('stableJson', () => {
  it('is the same for the same query written in another key order, nested too', () => {
    expect(stableJson({ b: 1, a: { d: 2, c: [3, { f: 1, e: 2 }] } })).toBe(stableJson({ a: { c: [3, { e: 2, f: 1 }], d: 2 }, b: 1 }))
    expect(stableJson(undefined)).toBe('null')
  })
})
