/**
 * What a check-in does, decided before anything is written (pure). Three ways in: the attendee
 * types the event's rotating code; staff scan the attendee's personal code; staff add a walk-in
 * (someone who did not sign up). Wrong codes are counted per person and event and count for people
 * who are not signed up too — who gets the same answer for a right and a wrong code — so the count
 * cannot be reset by cancelling and signing up again, nor used to tell right codes from wrong.
 */
import { MAX_CODE_TRIES, type RegistrationDoc } from './model'

export type CheckInVia =
  | { kind: 'code'; right: boolean; tries: number }
  | { kind: 'staff' }
  | { kind: 'walk-in'; added: number; limit: number }

export type CheckInRefusal = 'TOO_MANY_TRIES' | 'NOT_SIGNED_UP' | 'CODE_WRONG' | 'WALKIN_LIMIT'

export type CheckInPlan =
  | { kind: 'already' }
  /** `countTry`: the refusal counts as a wrong try (written, then refused). */
  | { kind: 'refuse'; code: CheckInRefusal; countTry: boolean }
  /** `walkIn`: a new walk-in, counted against the staff member's limit for the event. */
  | { kind: 'attend'; walkIn: boolean }

const refuse = (code: CheckInRefusal, countTry = false): CheckInPlan => ({ kind: 'refuse', code, countTry })

export function planCheckIn(reg: Pick<RegistrationDoc, 'status'> | null, via: CheckInVia): CheckInPlan {
  if (reg?.status === 'attended') return { kind: 'already' }
  const signedUp = reg?.status === 'registered'
  switch (via.kind) {
    case 'code':
      if (via.tries >= MAX_CODE_TRIES) return refuse('TOO_MANY_TRIES')
      if (!signedUp) return refuse('NOT_SIGNED_UP', true)
      return via.right ? { kind: 'attend', walkIn: false } : refuse('CODE_WRONG', true)
    case 'staff':
      return signedUp ? { kind: 'attend', walkIn: false } : refuse('NOT_SIGNED_UP')
    case 'walk-in':
      if (signedUp) return { kind: 'attend', walkIn: false }
      return via.added >= via.limit ? refuse('WALKIN_LIMIT') : { kind: 'attend', walkIn: true }
  }
}
