import { users } from '../../core/users/contract'
import { freshOpenid, okAs } from './call'

let n = 0
/** A fresh registered resident (through users.updateProfile), in building b1 of grid g1 unless told. */
export async function newResident(opts: { prefix?: string; buildingId?: string; unitId?: string; name?: string } = {}) {
  const openid = freshOpenid(opts.prefix ?? 'res')
  const buildingId = opts.buildingId ?? 'b1'
  n++
  const profile = await okAs(openid, users.updateProfile, {
    name: opts.name ?? `测试居民${n}`,
    phone: `137${String(Math.floor(Math.random() * 1e8)).padStart(8, '0')}`,
    buildingId,
    unitId: opts.unitId ?? `${buildingId}-1`,
  })
  return { openid, profile }
}
