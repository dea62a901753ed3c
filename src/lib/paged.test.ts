import { MAX_LIMIT as CONTRACT_MAX } from '@core/contract/paging'
import { appendPage, byUnderscoreId, MAX_LIMIT, mergeRefresh } from './paged'

const items = (...ids: string[]) => ids.map((_id) => ({ _id }))

describe('paged lists', () => {
  it('asks for no more than the contracts allow', () => {
    expect(MAX_LIMIT).toBe(CONTRACT_MAX)
  })

  it('a refresh that refetched everything loaded replaces it, cursor included', () => {
    const prev = { items: items('a', 'b', 'c'), next: 'c' }
    expect(mergeRefresh(prev, { items: items('n', 'a', 'b'), next: 'b' }, 20, byUnderscoreId)).toEqual({ items: items('n', 'a', 'b'), next: 'b' })
  })

  it('a refresh of the first 50 of 60 loaded keeps the 10 after them, without repeats, and the old cursor', () => {
    const ids = Array.from({ length: 60 }, (_, i) => `o${i}`)
    const prev = { items: items(...ids), next: 'o59' }
    // a new order came in at the top: o49 moved from the head into the tail
    const fresh = { items: items('new', ...ids.slice(0, 49)), next: 'o48' }
    const merged = mergeRefresh(prev, fresh, 50, byUnderscoreId)
    expect(merged.items.map((i) => i._id)).toEqual(['new', ...ids])
    expect(merged.next).toBe('o59')
  })

  it('the next page is appended without the ones already shown', () => {
    expect(appendPage({ items: items('a', 'b'), next: 'b' }, { items: items('b', 'c'), next: null }, byUnderscoreId)).toEqual({ items: items('a', 'b', 'c'), next: null })
    expect(appendPage(undefined, { items: items('a'), next: 'a' }, byUnderscoreId)).toEqual({ items: items('a'), next: 'a' })
  })

  it('items named otherwise (openid) and the fields beside the page (a total) come along', () => {
    const people = (...ids: string[]) => ids.map((openid) => ({ openid }))
    const byOpenid = (p: { openid: string }) => p.openid
    const prev = { items: people('a', 'b', 'c'), next: 'c' as string | null, total: 3 }
    expect(mergeRefresh(prev, { items: people('n', 'a'), next: 'a', total: 4 }, 2, byOpenid)).toEqual({ items: people('n', 'a', 'b', 'c'), next: 'c', total: 4 })
    expect(appendPage(prev, { items: people('c', 'd'), next: null, total: 4 }, byOpenid)).toEqual({ items: people('a', 'b', 'c', 'd'), next: null, total: 4 })
  })
})
