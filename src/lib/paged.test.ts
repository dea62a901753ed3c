import { appendPage, mergeRefresh } from './paged'

const items = (...ids: string[]) => ids.map((_id) => ({ _id }))

describe('paged lists', () => {
  it('a refresh that refetched everything loaded replaces it, cursor included', () => {
    const prev = { items: items('a', 'b', 'c'), next: 'c' }
    expect(mergeRefresh(prev, { items: items('n', 'a', 'b'), next: 'b' }, 20)).toEqual({ items: items('n', 'a', 'b'), next: 'b' })
  })

  it('a refresh of the first 50 of 60 loaded keeps the 10 after them, without repeats, and the old cursor', () => {
    const ids = Array.from({ length: 60 }, (_, i) => `o${i}`)
    const prev = { items: items(...ids), next: 'o59' }
    // a new order came in at the top: o49 moved from the head into the tail
    const fresh = { items: items('new', ...ids.slice(0, 49)), next: 'o48' }
    const merged = mergeRefresh(prev, fresh, 50)
    expect(merged.items.map((i) => i._id)).toEqual(['new', ...ids])
    expect(merged.next).toBe('o59')
  })

  it('the next page is appended without the ones already shown', () => {
    expect(appendPage({ items: items('a', 'b'), next: 'b' }, { items: items('b', 'c'), next: null })).toEqual({ items: items('a', 'b', 'c'), next: null })
    expect(appendPage(undefined, { items: items('a'), next: 'a' })).toEqual({ items: items('a'), next: 'a' })
  })
})
