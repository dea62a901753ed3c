import { api } from '@/api'
import type { Role } from '@core/contract/roles'
import { useQuery } from './use-query'

/**
 * Rarely changes, read by nearly every page: fetched once and shared for this long (a change the
 * caller makes refetches it at once; a role granted by someone else shows within this time, or
 * when the page is pulled down).
 */
const PROFILE_MAX_AGE_MS = 5 * 60_000

/** Who I am: profile (null for a newcomer), roles and scopes. */
export function useMe() {
  const q = useQuery(api.users.me, {}, { maxAgeMs: PROFILE_MAX_AGE_MS })
  const roles = new Set<Role>(q.data?.roles ?? [])
  return { ...q, roles, has: (...rs: Role[]) => rs.some((r) => roles.has(r)) }
}

/** 社区 → 网格 → 楼栋 → 单元, for pickers and for showing addresses. */
export function useStructure() {
  return useQuery(api.community.structure, {}, { maxAgeMs: PROFILE_MAX_AGE_MS })
}
