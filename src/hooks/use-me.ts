import { api } from '@/api'
import type { Role } from '@core/contract/roles'
import { useQuery } from './use-query'

/** Who I am: profile (null for a newcomer), roles and scopes; reloaded whenever a page is shown. */
export function useMe() {
  const q = useQuery(api.users.me, {})
  const roles = new Set<Role>(q.data?.roles ?? [])
  return { ...q, roles, has: (...rs: Role[]) => rs.some((r) => roles.has(r)) }
}

/** 社区 → 网格 → 楼栋 → 单元, for pickers and for showing addresses. */
export function useStructure() {
  return useQuery(api.community.structure, {})
}
