import { newId } from '../../core/orders/keys'

/** A wish's id: sortable by creation time like an order's, with its own letter. */
export const newWishId = (now: number): string => `w${newId(now).slice(1)}`
