import type { ServiceContext } from '..'
import type { Service } from '../types'

// STUB: replaced by the real service.
export function createDevEntry(_ctx: ServiceContext): Service {
  return { name: 'dev' }
}
