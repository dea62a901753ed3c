/**
 * 001 街道层级: a database of the single-community app (one implicit community per cloud env) becomes
 * one street with one community in it (docs/communities.md).
 *
 * The community keeps the id its ledger already uses (LINLI_COMMUNITY_ID, else 'default'): the pool
 * accounts and every transfer name it, so no account or transfer is rewritten. The street comes from
 * LINLI_STREET_ID / LINLI_STREET_NAME.
 */
import {
  ACCOUNTS, ADJUST_QUOTA, ADJUSTMENTS, AUDIT, BUILDINGS, CODE_TRIES, COMMUNITY, EVENT_NOTICES, EVENTS, GIFTS, GRIDS, HOLDS, NOTICES, ORDERS,
  REDEMPTIONS, REGISTRATIONS, RULES, SEATS, SETTINGS, SLOTS, STREETS, TRANSFERS, USERS, WALKINS,
} from '../../core/collections'
import type { CommunityDoc } from '../../core/community/places'
import { withKeys } from '../../core/orders/keys'
import type { Order } from '../../core/orders/model'
import { getOrNull, tx, type Doc } from '../../server/db'
import { count, fillEach, fillMissing, type MigrationContext } from './pages'

export interface Legacy {
  communityId: string
  streetId: string
  streetName: string
}

export const legacyOf = (env: NodeJS.ProcessEnv): Legacy => ({
  communityId: env.LINLI_COMMUNITY_ID || 'default',
  streetId: env.LINLI_STREET_ID || 'street',
  streetName: env.LINLI_STREET_NAME || '本街道',
})

/** The old app's only community document, and the name it showed without one. */
const MAIN = 'main'
const UNNAMED = '我们的社区'
/** The first admin's invite: one per deployment, no community's (left as it is). */
const ADMIN_INVITE = 'admin_invite'
/** The old SLA document; the community's is `orders_sla:<id>` (cloudfunctions/orders/sla.ts). */
const OLD_SLA = 'orders_sla'

/** Collections whose documents only need the community (as of this migration; later ones are born with it). */
const PLAIN = [GRIDS, BUILDINGS, REGISTRATIONS, SEATS, SLOTS, HOLDS, NOTICES, EVENT_NOTICES, CODE_TRIES, WALKINS, ADJUST_QUOTA, AUDIT, GIFTS, REDEMPTIONS, ACCOUNTS, TRANSFERS, ADJUSTMENTS, RULES, SETTINGS]

/** The fields of `patch` that `doc` has not got. */
function missing(doc: Doc, patch: Doc): Doc | null {
  const out = Object.fromEntries(Object.entries(patch).filter(([k]) => doc[k] === undefined))
  return Object.keys(out).length ? out : null
}

/** A person of the old app (no community: the four fields are written together) gets home, street and where they work. */
export function userPatch(l: Legacy) {
  return (u: Doc): Doc | null => {
    if (u.communityId !== undefined) return null
    const roles: string[] = u.roles ?? []
    return missing(u, {
      communityId: l.communityId,
      streetId: l.streetId,
      ...(roles.includes('staff') ? { staffOf: [l.communityId] } : {}),
      ...(roles.includes('admin') ? { adminOf: [l.communityId] } : {}),
    })
  }
}

const KEYS = ['parties', 'audienceKey', 'queueKey', 'poolKey', 'streetKey'] as const

/** The place and pool an old order lacks, and the query keys recomputed with them (audienceKey gets `c:<community>|`). */
export function orderPatch(l: Legacy) {
  return (o: Doc): Doc | null => {
    const place = missing(o, { communityId: l.communityId, streetId: l.streetId, pool: 'community', street: null }) ?? {}
    const keyed = withKeys({ ...o, ...place } as Order)
    const keys = Object.fromEntries(KEYS.filter((k) => o[k] === undefined || JSON.stringify(o[k]) !== JSON.stringify(keyed[k])).map((k) => [k, keyed[k]]))
    const patch = { ...place, ...keys }
    return Object.keys(patch).length ? patch : null
  }
}

/** An event keeps the community it has (the old app wrote the ledger's id there too) and gets its street. */
export const eventPatch = (l: Legacy) => (e: Doc) => missing(e, { communityId: l.communityId, streetId: l.streetId })

/** A street-wide document (a street's SLA or points rules) carries the street, not a community. */
const streetWide = (d: Doc) => d.streetId !== undefined && d.communityId === undefined

/** Documents already filled with the legacy community (a run that died after filling them, with no `main` to copy). */
async function referenced(m: MigrationContext, l: Legacy): Promise<boolean> {
  for (const c of [USERS, GRIDS, BUILDINGS]) {
    const found = (await m.db.collection(c).where({ communityId: l.communityId }).limit(1).get()) as { data: Doc[] }
    if (found.data.length) return true
  }
  return false
}

/**
 * The community made from `community/main` (removed once copied) and its street. A database of the
 * new shape (no `main`, nothing of the legacy community, or its community already in a street) is
 * left as it is.
 */
async function places(m: MigrationContext, l: Legacy): Promise<void> {
  const [own, main] = await Promise.all([getOrNull(m.db, COMMUNITY, l.communityId), getOrNull(m.db, COMMUNITY, MAIN)])
  if (!main && (own?.streetId !== undefined || !(await referenced(m, l)))) return
  const written = await tx(
    m.db,
    async (t) => {
      const [street, own, main] = await Promise.all([getOrNull(t, STREETS, l.streetId), getOrNull<CommunityDoc>(t, COMMUNITY, l.communityId), getOrNull(t, COMMUNITY, MAIN)])
      const n = { streets: 0, community: 0 }
      const fields = { name: main?.name ?? UNNAMED, streetId: l.streetId, communityId: l.communityId, order: 1 }
      const patch = own ? missing(own, fields) : fields
      if (!own) await t.collection(COMMUNITY).doc(l.communityId).set({ data: fields })
      else if (patch) await t.collection(COMMUNITY).doc(l.communityId).update({ data: patch })
      if (patch) n.community++
      if (patch?.streetId && !street) {
        await t.collection(STREETS).doc(l.streetId).set({ data: { name: l.streetName, streetId: l.streetId } })
        n.streets++
      }
      if (main && l.communityId !== MAIN) {
        await t.collection(COMMUNITY).doc(MAIN).remove()
        n.community++
      }
      return n
    },
    { retries: 8 },
  )
  count(m, STREETS, written.streets)
  count(m, COMMUNITY, written.community)
}

/** The old SLA becomes the community's (when it has none yet); the old document stays for the old functions. */
async function sla(m: MigrationContext, l: Legacy): Promise<void> {
  const id = `${OLD_SLA}:${l.communityId}`
  const copied = await tx(m.db, async (t) => {
    const [old, own] = await Promise.all([getOrNull(t, SETTINGS, OLD_SLA), getOrNull(t, SETTINGS, id)])
    if (!old || own) return 0
    const { _id, ...data } = old
    await t.collection(SETTINGS).doc(id).set({ data: { ...data, communityId: l.communityId, streetId: l.streetId } })
    return 1
  })
  count(m, SETTINGS, copied)
}

/** The documents first, the community and street last (they are made when something is of the legacy community). */
export async function streetHierarchy(m: MigrationContext, l: Legacy): Promise<void> {
  await fillEach(m, USERS, userPatch(l))
  await fillEach(m, ORDERS, orderPatch(l))
  await fillEach(m, EVENTS, eventPatch(l))
  await sla(m, l)
  for (const c of PLAIN) await fillMissing(m, c, 'communityId', { communityId: l.communityId }, (d) => !streetWide(d) && !(c === SETTINGS && d._id === ADMIN_INVITE))
  await places(m, l)
}
