/**
 * Which page opens an order notice, for the inbox tap and the subscribe message alike: staff
 * notices open the staff order page, a volunteer's the volunteer's, the rest the resident's.
 * No imports: the app's main package reads it.
 */
const STAFF_SIDE = ['new_order', 'released_staff', 'overdue_staff', 'overdue_triage', 'check_unsolved']
const VOLUNTEER_SIDE = ['assigned', 'confirmed', 'rated', 'reopened']

/** The page path (no leading slash) of an order notice of this kind. */
export function orderPageOf(kind: string): string {
  if (STAFF_SIDE.includes(kind)) return 'staff/pages/triage-order/index'
  if (VOLUNTEER_SIDE.includes(kind)) return 'volunteer/pages/order/index'
  return 'pages/order/detail/index'
}
