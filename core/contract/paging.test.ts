import { mergedPage, pageInput, pageOf, timeKey } from './paging'

describe('paging', () => {
  it('pageOf returns the cursor of the last item only when more rows exist', () => {
    expect(pageOf([1, 2, 3], 2, String)).toEqual({ items: [1, 2], next: '2' })
    expect(pageOf([1, 2], 2, String)).toEqual({ items: [1, 2], next: null })
  })

  it('a merged page takes the first rows of all sources in key order', () => {
    expect(mergedPage([['e', 'c', 'a'], ['d', 'b']], 3, String, 'desc')).toEqual({ items: ['e', 'd', 'c'], next: 'c' })
    expect(mergedPage([['a', 'c'], ['b']], 3, String, 'asc')).toEqual({ items: ['a', 'b', 'c'], next: null })
  })

  it('time keys sort by time, then id, and keep the id whole', () => {
    const keys = [timeKey(5, 'b'), timeKey(1_700_000_000_000, 'a'), timeKey(5, 'a'), timeKey(36 ** 8, 'z')]
    expect([...keys].sort()).toEqual([timeKey(5, 'a'), timeKey(5, 'b'), timeKey(1_700_000_000_000, 'a'), timeKey(36 ** 8, 'z')])
    expect(timeKey(1_700_000_000_000, 'o1.2.0')).toMatch(/^[0-9a-z]{9}o1\.2\.0$/)
  })

  it('the cursor takes any sort key (ids with dots and colons too), nothing else', () => {
    expect(pageInput.parse({ cursor: `${timeKey(1, 'reg:e1:demo-r-01')}` })).toEqual({ cursor: '000000001reg:e1:demo-r-01', limit: 20 })
    expect(pageInput.safeParse({ cursor: '0000000001o123.4.0' }).success).toBe(true)
    expect(pageInput.safeParse({ cursor: 'a b' }).success).toBe(false)
    // a name key: the served resident's name, then the order id (staff search by name)
    expect(pageInput.safeParse({ cursor: '王秀英|omb3x2k1q00a7f3kz' }).success).toBe(true)
    expect(pageInput.safeParse({ cursor: '𠇔明|o1' }).success).toBe(true)
    for (const bad of ['王 秀英|o1', 'a\u202eb', 'a\u0000b', '{"$gt":""}', 'a/b']) expect(pageInput.safeParse({ cursor: bad }).success).toBe(false)
    expect(pageInput.safeParse({ limit: 51 }).success).toBe(false)
  })
})
