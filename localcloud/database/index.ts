import type { ServiceContext } from '..'
import type { Service } from '../types'

// STUB: replaced by the real service.
export function createDatabaseService(_ctx: ServiceContext): Service {
  return { name: 'database' }
}
