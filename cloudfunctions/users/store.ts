import { usersError } from '../../core/users/contract'
import type { UserDoc } from '../../core/users/model'
import { USERS } from '../../server/context'
import { getOrNull, setDoc, type Tx } from '../../server/db'

/** Read a user inside a transaction; a missing profile is the given error. */
export async function mustGetUser(t: Tx, openid: string, missing: 'TARGET_NOT_REGISTERED' | 'NOT_REGISTERED' | 'NO_APPLICATION'): Promise<UserDoc> {
  const doc = await getOrNull<UserDoc>(t, USERS, openid)
  if (!doc) throw usersError(missing)
  return doc
}

/** Replace the whole document (set, not update: update would merge nested objects field by field). */
export async function saveUser(t: Tx, doc: UserDoc): Promise<UserDoc> {
  await setDoc(t, USERS, doc)
  return doc
}
