import { eventsFn } from '../../core/events/contract'
import { createFunction } from '../../server/runtime'
import { checkIn, checkinCode, myCode, staffCheckIn } from './actions/checkin'
import { attendees, detail, list } from './actions/lists'
import { cancelEvent, update } from './actions/manage'
import { poster } from './actions/poster'
import { addBooth, publish } from './actions/publish'
import { cancel, signUp } from './actions/signup'
import { closeEvents, remind } from './timers'

export const main = createFunction(
  eventsFn,
  { publish, update, cancelEvent, addBooth, list, detail, signUp, cancel, myCode, poster, checkinCode, checkIn, staffCheckIn, attendees },
  { timers: { remind, closeEvents } },
)
