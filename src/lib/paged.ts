/** Cursor-paged lists: how a refresh and the next page combine with what is on screen. */
import type { Page } from '@core/contract/paging'

/** The most a paged action returns in one call (core/contract/paging.ts, not imported: it brings zod into the app). */
export const MAX_LIMIT = 50

/** What names an item of a list (its `_id`, or e.g. `id` / `openid` where the view has no `_id`). */
export type IdOf<Item> = (item: Item) => string

export const byUnderscoreId: IdOf<unknown> = (item) => (item as { _id: string })._id

/**
 * A refresh of a list that has more loaded than one call returns: the fresh head, then what was
 * loaded after it (without the ones the head now holds). With all of it refetched, the fresh
 * answer's cursor is the right one; otherwise the old cursor still continues after the tail.
 * Fields beside the page (a total, an unread count) come from the fresh answer.
 */
export function mergeRefresh<Item, P extends Page<Item>>(prev: P | undefined, fresh: P, asked: number, idOf: IdOf<Item>): P {
  if (!prev || prev.items.length <= asked) return fresh
  // continue after the head's last item where it was before (new items push others out of the head)
  const last = fresh.items.length ? prev.items.findIndex((it) => idOf(it) === idOf(fresh.items[fresh.items.length - 1])) : -1
  const seen = new Set(fresh.items.map(idOf))
  const tail = prev.items.slice(last >= 0 ? last + 1 : asked).filter((it) => !seen.has(idOf(it)))
  return { ...fresh, items: [...fresh.items, ...tail], next: prev.next }
}

/** `more`: the next page appended, without the ones already shown. */
export function appendPage<Item, P extends Page<Item>>(prev: P | undefined, page: P, idOf: IdOf<Item>): P {
  const seen = new Set((prev?.items ?? []).map(idOf))
  return { ...page, items: [...(prev?.items ?? []), ...page.items.filter((it) => !seen.has(idOf(it)))] }
}
