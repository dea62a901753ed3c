import type { Handler } from '../../../server/runtime'
import type { community } from '../../../core/community/contract'
import { loadStructure } from '../../../server/community'

export const structure: Handler<typeof community.structure> = (ctx) => loadStructure(ctx.db)
