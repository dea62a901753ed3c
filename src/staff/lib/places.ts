import type { StreetsView } from '@core/community/contract'
import { mayActIn } from '@core/users/caller'

interface Scopes {
  streets: string[]
  communities: string[]
}

/** The communities a person may act in: home, where they are staff or admin, every one of their street. */
export function actableCommunities(streets: StreetsView['streets'], scopes: Scopes | undefined, home: string | undefined) {
  return streets.flatMap((s) =>
    s.communities
      .filter((c) => mayActIn(scopes ?? { streets: [], communities: [] }, home ? { communityId: home } : null, { communityId: c.id, streetId: s.id }))
      .map((c) => ({ ...c, streetId: s.id, streetName: s.name })),
  )
}

/** The name of a community, from the streets list. */
export const communityName = (streets: StreetsView['streets'] | undefined, id: string) =>
  streets?.flatMap((s) => s.communities).find((c) => c.id === id)?.name ?? id
