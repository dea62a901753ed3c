import { users } from '../../core/users/contract'
import { createFunction } from '../../server/runtime'
import { deleteAccount, myData } from './actions/account'
import { bootstrapAdmin } from './actions/bootstrap'
import { home } from './actions/home'
import { listUsers } from './actions/list'
import { actIn, me, updateProfile } from './actions/profile'
import { grantRole, revokeRole } from './actions/roles'
import { applyVolunteer, listVolunteerApplications, reviewVolunteer } from './actions/volunteer'

export const main = createFunction(users, {
  me,
  updateProfile,
  actIn,
  applyVolunteer,
  listVolunteerApplications,
  reviewVolunteer,
  grantRole,
  revokeRole,
  listUsers,
  home,
  myData,
  deleteAccount,
  bootstrapAdmin,
})
