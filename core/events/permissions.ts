import type { Caller, Decision } from '../users/permissions'
import { isAdmin, isStaffOf } from '../users/permissions'
import type { Audience } from './model'

/**
 * Who may publish an event for an audience: admin for anyone; a 网格员 for the whole community or
 * its volunteers (events are community-wide), but for one grid only when it is their own.
 */
export function canPublishFor(c: Caller, audience: Audience): Decision {
  if (isAdmin(c)) return { ok: true }
  if (!c.roles.includes('staff')) return { ok: false, code: 'FORBIDDEN' }
  if (audience.kind === 'grid' && !isStaffOf(c, audience.gridId)) {
    return { ok: false, code: 'FORBIDDEN', message: '只能给自己负责的网格发布活动' }
  }
  return { ok: true }
}
