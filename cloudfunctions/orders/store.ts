/** Order reads and writes, and the collections the orders function uses. */
import { EVENT_NOTICES, NOTICES, ORDERS } from '../../core/collections'
import { orderError } from '../../core/orders/contract'
import { orderDoc, type Order } from '../../core/orders/model'
import { getOrNull, setDoc, type Tx } from '../../server/db'

// event notices are written by the events function (reminders, waitlist promotions), same shape
export { EVENT_NOTICES, NOTICES, ORDERS }

/** Read an order (inside a transaction or not); a missing one is NOT_FOUND. */
export async function mustGetOrder(db: Parameters<typeof getOrNull>[0], id: string): Promise<Order> {
  const doc = await getOrNull<Order>(db, ORDERS, id)
  if (!doc) throw orderError('NOT_FOUND')
  return { ...doc, _id: id }
}

/** Replace the whole order (set: an update would merge nested objects field by field). */
export async function saveOrder(t: Tx, o: Order): Promise<void> {
  await setDoc(t, ORDERS, orderDoc.parse(o))
}

