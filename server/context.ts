import type * as Cloud from 'wx-server-sdk'
import { USERS } from '../core/collections'
import type { Role } from '../core/contract/roles'
import { callerFrom, type Caller } from '../core/users/caller'
import type { UserDoc } from '../core/users/model'
import { getOrNull, type Db } from './db'

export { USERS }

/** What every handler receives. Identity comes only from the WX context, never from the payload. */
export interface Ctx {
  openid: string
  /** The caller's user document, or null for a guest (no profile yet). */
  user: UserDoc | null
  roles: Role[]
  /** The one caller every feature's pure rules decide on (core/users/caller.ts), built once here. */
  caller: Caller
  db: Db
  cloud: typeof Cloud
  /** Milliseconds since epoch; one value per call so a handler's timestamps agree. */
  now(): number
  log(message: string, extra?: unknown): void
}

/** Context for timer triggers: no caller. */
export type TimerCtx = Pick<Ctx, 'db' | 'cloud' | 'now' | 'log'>

export async function loadCaller(db: Db, openid: string): Promise<Pick<Ctx, 'user' | 'roles' | 'caller'>> {
  const user = await getOrNull<UserDoc>(db, USERS, openid)
  const caller = callerFrom(openid, user)
  return { user, roles: [...caller.roles], caller }
}
