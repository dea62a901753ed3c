import { View } from '@tarojs/components'
import type { OrderView } from '@core/orders/schemas'
import { TEAM_LABELS } from '@core/users/vocab'
import { PhoneCall } from '@/components'

const HELD = ['accepted', 'in_service', 'done']

/**
 * Who is coming: the volunteer staff assigned (until they accept), then the one who accepted, with
 * their team — and, for the resident and staff (`call`), one tap to call them while they hold it.
 */
export function VolunteerFacts({ o, call }: { o: OrderView; call?: boolean }) {
  const team = o.volunteerTeam ? `（${TEAM_LABELS[o.volunteerTeam]}）` : ''
  return (
    <>
      {o.assigneeName && !o.volunteerName && <View className='fact'>已指派：{o.assigneeName}，等待接单</View>}
      {o.volunteerName && (
        <View className='fact' data-testid='order-volunteer'>
          志愿者：{o.volunteerName}
          {team}
        </View>
      )}
      {call && o.volunteerPhone && HELD.includes(o.status) && <PhoneCall phone={o.volunteerPhone} label={`打电话给志愿者${o.volunteerName ?? ''}`} />}
    </>
  )
}
