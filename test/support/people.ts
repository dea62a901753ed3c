import { randomUUID } from 'node:crypto'
import { community } from '../../core/community/contract'
import { PERSONAS } from '../../core/demo/personas'
import { users } from '../../core/users/contract'
import { freshOpenid, okAs } from './call'

/** A fresh registered resident (through users.updateProfile), in building b1 of grid g1 unless told. Names are unique across files. */
export async function newResident(opts: { prefix?: string; buildingId?: string; unitId?: string; name?: string } = {}) {
  const openid = freshOpenid(opts.prefix ?? 'res')
  const buildingId = opts.buildingId ?? 'b1'
  const profile = await okAs(openid, users.updateProfile, {
    name: opts.name ?? `测试居民${openid.slice(-6)}`,
    phone: `137${String(Math.floor(Math.random() * 1e8)).padStart(8, '0')}`,
    buildingId,
    unitId: opts.unitId ?? `${buildingId}-1`,
    room: '101',
  })
  return { openid, profile }
}

/**
 * A grid of the calling test's own (one building with two units) and a 网格员 for it, made by the demo
 * admin: lists scoped to it hold only what this test put there, whatever other files add to g1/g2.
 */
export async function newGrid(tag = 'own') {
  const admin = PERSONAS.admin.openid
  const gridId = `it-${tag}-${randomUUID().slice(0, 8)}`
  await okAs(admin, community.upsertGrid, { id: gridId, name: `测试网格${gridId.slice(-4)}`, order: 900 })
  const building = await okAs(admin, community.upsertBuilding, { id: `${gridId}-b`, gridId, name: '测试楼', unitCount: 2 })
  const staff = await newResident({ prefix: 'staff', buildingId: building.id })
  await okAs(admin, users.grantRole, { openid: staff.openid, role: 'staff', grids: [gridId] })
  return { gridId, buildingId: building.id, staff: staff.openid }
}
