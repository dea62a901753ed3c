/** A bench order as orders.create writes one: a resident's (or a proxy's) request in a building, before its first step. */
import type { Category } from '../../../core/orders/categories'
import { newId } from '../../../core/orders/keys'
import { blankOrder, type Order } from '../../../core/orders/model'

export interface OrderPlace {
  communityId: string
  streetId: string
  building: { _id: string; name: string; gridId: string }
}

export function benchOrder(p: OrderPlace & { createdAt: number; orderedBy: string; category: Category; urgent: boolean; rnd: () => number }): Order {
  const b = p.building
  return {
    ...blankOrder({ _id: newId(p.createdAt, p.rnd), now: p.createdAt, orderedBy: p.orderedBy, gridId: b.gridId, communityId: p.communityId, streetId: p.streetId }),
    category: p.category,
    description: '需要帮忙：楼道灯坏了，晚上看不清台阶',
    address: `${b.name} 1单元`,
    buildingId: b._id,
    unitId: `${b._id}-1`,
    urgency: p.urgent ? 'urgent' : 'normal',
    priority: p.urgent ? 'high' : 'normal',
    contactName: '居民',
    contactPhone: '13800000000',
    points: 10,
  }
}
