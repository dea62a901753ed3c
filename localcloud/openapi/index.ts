import type { ServiceContext } from '..'
import type { Service } from '../types'

// STUB: replaced by the real service.
export function createOpenApiService(_ctx: ServiceContext): Service {
  return { name: 'openapi' }
}
