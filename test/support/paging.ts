/** Walking cursor-paged lists in tests: every page to the end, with rows arriving on the way. */
import type { Page } from '../../core/contract/paging'

interface Walk<T> {
  /** Runs before every `every`-th page after the first (default: every page): rows added while paging. */
  between?: () => Promise<unknown>
  every?: number
  /** Stop early once this holds for what was seen. */
  until?: (seen: T[]) => boolean
}

export async function walkPages<T>(fetchPage: (cursor?: string) => Promise<Page<T>>, opts: Walk<T> = {}): Promise<T[]> {
  const seen: T[] = []
  let cursor: string | undefined
  for (let pages = 0; pages < 500; pages++) {
    if (pages > 0 && opts.between && pages % (opts.every ?? 1) === 0) await opts.between()
    const page = await fetchPage(cursor)
    seen.push(...page.items)
    if (!page.next || opts.until?.(seen)) return seen
    cursor = page.next
  }
  throw new Error('too many pages')
}

/** No duplicates and no gaps: each id seen once, and every one of `expected` among them. */
export function expectEachOnce(seen: string[], expected: string[]): void {
  expect(seen.length - new Set(seen).size).toBe(0)
  const got = new Set(seen)
  expect(expected.filter((id) => !got.has(id))).toEqual([])
}
