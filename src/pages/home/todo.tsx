import Taro from '@tarojs/taro'
import { View, Text } from '@tarojs/components'
import { categoryTitle, type Category } from '@core/orders/categories'
import { api } from '@/api'
import { useQuery } from '@/hooks/use-query'
import { roleOf } from '@/lib/a11y'
import { clock } from '@/lib/time'

const go = (url: string) => () => void Taro.navigateTo({ url })

/** 消息 with its unread count, always in the same place at the top of home. */
export function InboxRow({ unread }: { unread: number | undefined }) {
  return (
    <View className='card row home-inbox' onClick={go('/pages/inbox/index')} data-testid='home-inbox' {...roleOf('link')} aria-label={unread ? `消息，${unread}条未读` : '消息'}>
      <Text>消息</Text>
      <View className='row-end'>
        {!!unread && (
          <Text className='home-badge' data-testid='unread-count'>
            {unread > 99 ? '99+' : unread}条未读
          </Text>
        )}
        <Text> ›</Text>
      </View>
    </View>
  )
}

/** 等您办: what needs the person's own action, before the entries (orders to confirm, events today, tasks under way). */
export function HomeTodo() {
  const q = useQuery(api.users.home, {})
  const d = q.data
  const items = d ? d.toConfirm.length + d.today.length + (d.activeTasks ? 1 : 0) + (d.toDispatch ? 1 : 0) : 0
  return (
    <>
      <InboxRow unread={d?.unread} />
      {items > 0 && d && (
        <View data-testid='home-todo'>
          <View className='home-section'>等您办</View>
          {d.toConfirm.map((o) => (
            <View key={o._id} className='card home-todo' onClick={go(`/pages/order/detail/index?id=${o._id}`)} data-testid={`todo-confirm-${o._id}`}>
              <Text className='home-todo__what'>「{categoryTitle(o.category as Category)}」已做完，请您确认</Text>
              <Text className='h-sub'>{o.description}</Text>
            </View>
          ))}
          {d.today.map((e) => (
            <View key={e.id} className='card home-todo' onClick={go(`/pages/events/detail/index?id=${e.id}`)} data-testid={`todo-event-${e.id}`}>
              <Text className='home-todo__what'>
                今天 {clock(e.startAt)} {e.title}
              </Text>
              <Text className='h-sub'>{e.checkedIn ? `已签到 · ${e.place}` : `${e.place} · 到了出示签到码`}</Text>
            </View>
          ))}
          {d.toDispatch > 0 && (
            <View className='card home-todo' onClick={go('/staff/pages/triage/index')} data-testid='todo-dispatch'>
              <Text className='home-todo__what'>{d.toDispatch} 张求助等您派单</Text>
            </View>
          )}
          {d.activeTasks > 0 && (
            <View className='card home-todo' onClick={go('/volunteer/pages/tasks/index')} data-testid='todo-tasks'>
              <Text className='home-todo__what'>您有 {d.activeTasks} 个任务在进行</Text>
            </View>
          )}
        </View>
      )}
    </>
  )
}
