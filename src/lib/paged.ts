/** Cursor-paged lists: how a refresh and the next page combine with what is on screen. */

/** What a cursor-paged action answers. */
export interface Paged<Item> {
  items: Item[]
  next: string | null
}

/** The most a paged action returns in one call (the contracts' `limit` maximum). */
export const MAX_LIMIT = 50

const idOf = (item: unknown) => (item as { _id?: string } | null)?._id

/**
 * A refresh of a list that has more loaded than one call returns: the fresh head, then what was
 * loaded after it (without the ones the head now holds). With all of it refetched, the fresh
 * answer's cursor is the right one; otherwise the old cursor still continues after the tail.
 */
export function mergeRefresh<Item>(prev: Paged<Item> | undefined, fresh: Paged<Item>, asked: number): Paged<Item> {
  if (!prev || prev.items.length <= asked) return fresh
  // continue after the head's last item where it was before (new items push others out of the head)
  const last = fresh.items.length ? prev.items.findIndex((it) => idOf(it) === idOf(fresh.items[fresh.items.length - 1])) : -1
  const seen = new Set(fresh.items.map(idOf))
  const tail = prev.items.slice(last >= 0 ? last + 1 : asked).filter((it) => !seen.has(idOf(it)))
  return { items: [...fresh.items, ...tail], next: prev.next }
}

/** `more`: the next page appended, without the ones already shown. */
export function appendPage<Item>(prev: Paged<Item> | undefined, page: Paged<Item>): Paged<Item> {
  const seen = new Set((prev?.items ?? []).map(idOf))
  return { items: [...(prev?.items ?? []), ...page.items.filter((it) => !seen.has(idOf(it)))], next: page.next }
}
