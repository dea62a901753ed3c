/**
 * users and community: action × caller matrix with role AND scope, on fresh callers made for this
 * file (so demo personas keep their seeded state). Staff of grid 1 act on people of grid 1. The
 * targets live in 幸福里: 和平's 网格员 and admin, the street admin of 幸福街道 (acting in 幸福里) and
 * the street admin of another street are refused on them; what they list is their own community's.
 */
import { users } from '../../core/users/contract'
import { community } from '../../core/community/contract'
import { PERSONAS } from '../../core/demo/personas'
import { freshOpenid, okAs } from '../support/call'
import { newResident } from '../support/people'
import { describeAuthMatrix, type MatrixCaller } from '../support/auth-matrix'
import { HEPING, hepingPeople, otherStreet, otherStreetAdmin, streetAdminOfXingfu } from '../support/communities'

const admin0 = PERSONAS.admin.openid
const callers: Record<string, MatrixCaller> = {
  guest: { openid: () => freshOpenid('guest'), roles: ['guest'] },
  resident: { openid: '', roles: ['resident'] },
  volunteer: { openid: '', roles: ['resident', 'volunteer'] },
  staffG1: { openid: '', roles: ['resident', 'staff'] },
  staffG2: { openid: '', roles: ['resident', 'staff'] },
  lead: { openid: '', roles: ['resident', 'building_lead'] },
  admin: { openid: '', roles: ['resident', 'admin'] },
  staffOther: { openid: '', roles: ['resident', 'staff'] },
  adminOther: { openid: '', roles: ['resident', 'admin'] },
  streetSame: { openid: '', roles: ['resident', 'street_admin'] },
  streetOther: { openid: '', roles: ['resident', 'street_admin'] },
}
/** Each caller saves their own address again (the others live in 幸福里's b2). */
const homes: Record<string, { buildingId: string; unitId: string }> = {}

beforeAll(async () => {
  const make = async () => (await newResident({ prefix: 'mx', buildingId: 'b2' })).openid
  const [resident, volunteer, staffG1, staffG2, lead, admin] = await Promise.all([make(), make(), make(), make(), make(), make()])
  await okAs(volunteer, users.applyVolunteer, { skills: ['other'], availableTimes: ['weekday_morning'] })
  await okAs(admin0, users.reviewVolunteer, { openid: volunteer, decision: 'approve' })
  await okAs(admin0, users.grantRole, { openid: staffG1, role: 'staff', grids: ['g1'] })
  await okAs(admin0, users.grantRole, { openid: staffG2, role: 'staff', grids: ['g2'] })
  await okAs(admin0, users.grantRole, { openid: lead, role: 'building_lead', buildings: ['b3'] })
  await okAs(admin0, users.grantRole, { openid: admin, role: 'admin' })
  await okAs(admin0, community.upsertGrid, { id: 'mx-grid', name: '矩阵网格', order: 90 })
  Object.assign(callers.resident, { openid: resident })
  Object.assign(callers.volunteer, { openid: volunteer })
  Object.assign(callers.staffG1, { openid: staffG1 })
  Object.assign(callers.staffG2, { openid: staffG2 })
  Object.assign(callers.lead, { openid: lead })
  Object.assign(callers.admin, { openid: admin })
  const [staffOther, adminOther, streetSame, streetOther, other] = await Promise.all([hepingPeople.staff(), hepingPeople.admin(), streetAdminOfXingfu('xingfuli'), otherStreetAdmin(), otherStreet()])
  Object.assign(callers.staffOther, { openid: staffOther })
  Object.assign(callers.adminOther, { openid: adminOther })
  Object.assign(callers.streetSame, { openid: streetSame })
  Object.assign(callers.streetOther, { openid: streetOther })
  for (const o of [staffOther, adminOther]) homes[o] = { buildingId: HEPING.buildingId, unitId: `${HEPING.buildingId}-1` }
  homes[streetSame] = { buildingId: 'ch-b1', unitId: 'ch-b1-1' }
  homes[streetOther] = { buildingId: other.buildingId, unitId: `${other.buildingId}-1` }
})

const profile = { name: '矩阵测试', phone: '13600000000', buildingId: 'b2', unitId: 'b2-1' }
const target = async () => (await newResident({ prefix: 'tgt', buildingId: 'b1' })).openid
const applicant = async () => {
  const openid = await target()
  await okAs(openid, users.applyVolunteer, { skills: ['other'], availableTimes: ['weekday_morning'] })
  return openid
}
const leadOfB1 = async () => {
  const openid = await target()
  await okAs(admin0, users.grantRole, { openid, role: 'building_lead', buildings: ['b1'] })
  return openid
}
const EVERYONE = Object.keys(callers)
const REGISTERED = EVERYONE.filter((w) => w !== 'guest')
/** Lists of their own community (nothing of 幸福里's: isolation.test.ts checks the contents). */
const STAFF_AND_ADMIN = ['staffG1', 'staffG2', 'admin', 'staffOther', 'adminOther']
const GRID1_STAFF_AND_ADMIN = ['staffG1', 'admin']

describeAuthMatrix(
  'users',
  callers,
  {
    me: { input: () => ({}), allow: EVERYONE },
    updateProfile: { input: (openid) => ({ ...profile, ...homes[openid] }), allow: EVERYONE },
    applyVolunteer: { input: () => ({ skills: ['elder_visit'], availableTimes: ['weekend_morning'] }), allow: REGISTERED },
    listVolunteerApplications: { input: () => ({}), allow: STAFF_AND_ADMIN },
    reviewVolunteer: { input: async () => ({ openid: await applicant(), decision: 'approve' }), allow: GRID1_STAFF_AND_ADMIN },
    // 和平's people and the other street know no building b1 where they act
    grantRole: { input: async () => ({ openid: await target(), role: 'building_lead', buildings: ['b1'] }), allow: GRID1_STAFF_AND_ADMIN, denyCodes: ['UNKNOWN_BUILDING'] },
    revokeRole: { input: async () => ({ openid: await leadOfB1(), role: 'building_lead' }), allow: GRID1_STAFF_AND_ADMIN },
    // 和平's admin may name any grid: their community has no g1, so the list is empty
    listUsers: { input: () => ({ gridId: 'g1' }), allow: [...GRID1_STAFF_AND_ADMIN, 'adminOther'] },
    bootstrapAdmin: { input: () => ({ code: 'not-the-code' }), allow: [], denyCodes: ['INVITE_INVALID'] },
    // acting in 幸福里: those who work there (home) and its street's admin; not 和平's, not another street's
    actIn: { input: () => ({ communityId: 'xingfuli' }), allow: ['staffG1', 'staffG2', 'admin', 'streetSame'], denyCodes: ['NOT_YOUR_COMMUNITY'] },
  },
  users,
)

describeAuthMatrix(
  'community',
  callers,
  {
    structure: { input: () => ({}), allow: EVERYONE },
    upsertGrid: { input: () => ({ id: 'mx-grid', name: '矩阵网格' }), allow: ['admin'] },
    upsertBuilding: { input: () => ({ id: 'mx-b1', gridId: 'mx-grid', name: '矩阵楼', unitCount: 1 }), allow: ['admin'] },
  },
  community,
)
