/** Whose numbers: the communities and grids of the caller's scope, with their names. */
import { commonError } from '../../core/contract/errors'
import { enforce } from '../../core/contract/decision'
import type { GridDoc } from '../../core/community/structure'
import { canSeeKpis, type KpiScope } from '../../core/kpis/permissions'
import type { Ctx } from '../../server/context'
import { rows } from '../../server/db'
import { COMMUNITY, GRIDS } from '../../server/community'

export interface Resolved {
  level: KpiScope['level']
  communities: { id: string; name: string }[]
  grids: { id: string; name: string; communityId: string }[]
}

export async function resolveScope(ctx: Ctx, want: { communityId?: string; gridId?: string }): Promise<Resolved> {
  const _ = ctx.db.command
  const { scope } = enforce(canSeeKpis(ctx.caller, want), commonError)
  const streetId = ctx.caller.streetId
  const where = scope.communities === 'street' ? { streetId } : { _id: _.in(scope.communities) }
  const found = await rows<{ _id: string; name: string; streetId: string }>(ctx.db.collection(COMMUNITY).where(where).field({ name: true, streetId: true }).limit(100))
  // a street admin names a community: only one of their street
  if (!found.length || found.some((c) => c.streetId !== streetId)) throw commonError('OTHER_COMMUNITY')
  const communities = found.map((c) => ({ id: c._id, name: c.name }))
  const gridDocs = await rows<GridDoc>(ctx.db.collection(GRIDS).where({ communityId: _.in(communities.map((c) => c.id)) }).limit(1000))
  const grids = gridDocs
    .filter((g) => scope.grids === 'all' || scope.grids.includes(g._id))
    .sort((a, b) => a.order - b.order || a._id.localeCompare(b._id))
    .map((g) => ({ id: g._id, name: g.name, communityId: g.communityId }))
  if (want.gridId && !grids.length) throw commonError(scope.level === 'street' ? 'OTHER_COMMUNITY' : 'FORBIDDEN')
  return { level: scope.level, communities, grids }
}
