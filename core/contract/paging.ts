/**
 * Every list pages the same way: by a cursor over a unique sort key (`_id`, or a stored key that
 * ends with the id), never by skip — rows added or moved between two pages cause no duplicates or
 * gaps. The query side is server/paging.ts.
 */
import * as z from 'zod'

/** The most rows one call returns. */
export const MAX_LIMIT = 50

/** A key: letters of any script (a name key begins with the name), digits and `_:.|-`. */
export const cursorSchema = z
  .string({ error: '翻页参数不对' })
  .regex(/^[\p{L}\p{N}_:.|-]{1,200}$/u, { error: '翻页参数不对' })
  .optional()

/** A list's input: where the previous page ended (absent for the first page) and how many rows. */
export const pageInput = z.object({
  cursor: cursorSchema,
  limit: z
    .number({ error: '每页条数应是数字' })
    .int({ error: '每页条数应是整数' })
    .min(1, { error: '每页至少1条' })
    .max(MAX_LIMIT, { error: `每页最多${MAX_LIMIT}条` })
    .default(20),
})

/** A list's output: the rows and the cursor of the next page (null at the end). */
export const pageOutput = <T extends z.ZodType>(item: T) => z.object({ items: z.array(item), next: z.string().nullable() })

export interface Page<T> {
  items: T[]
  next: string | null
}

/** `rows` are one more than `limit` when another page exists: that is how the end is known. */
export function pageOf<T>(rows: T[], limit: number, keyOf: (row: T) => string): Page<T> {
  const items = rows.slice(0, limit)
  return { items, next: rows.length > limit ? keyOf(items[items.length - 1]) : null }
}

/** Rows of several queries over the same key, each read `limit + 1` beyond the cursor, as one page. */
export function mergedPage<T>(sources: T[][], limit: number, keyOf: (row: T) => string, dir: 'asc' | 'desc'): Page<T> {
  const sign = dir === 'asc' ? 1 : -1
  const merged = sources.flat().sort((a, b) => (keyOf(a) < keyOf(b) ? -sign : sign))
  return pageOf(merged, limit, keyOf)
}

/** A unique key in time order: the time in fixed-width base 36 (good until the year 5000), then the id. */
export const timeKey = (at: number, id: string): string => `${at.toString(36).padStart(9, '0')}${id}`
