import { View, Text } from '@tarojs/components'
import { api } from '@/api'
import { useQuery } from '@/hooks/use-query'
import { usePoll } from '@/hooks/use-poll'
import { shortTime } from '@/lib/time'

/** How often a desk page (签到, 摊位) refreshes while open: others change it meanwhile. */
export const DESK_POLL_MS = 10_000

/** The event a desk page works for, kept fresh while the page is shown (its booths' 剩 N 份 too). */
export function useDeskEvent(eventId: string, enabled: boolean) {
  const q = useQuery(api.events.detail, { eventId }, { enabled: enabled && !!eventId })
  usePoll(q.reload, DESK_POLL_MS, enabled && !!eventId)
  return q
}

/** Which event this desk is for: its title and when, so nobody checks people into the wrong one. */
export function EventHeading({ e }: { e?: { title: string; startAt: number; place: string } }) {
  if (!e) return null
  return (
    <View className='card' data-testid='desk-event'>
      <Text className='h-title'>{e.title}</Text>
      <View className='h-sub'>{shortTime(e.startAt)} · {e.place}</View>
    </View>
  )
}
