import { View, Text } from '@tarojs/components'
import { SKILL_LABELS, TIME_SLOT_LABELS, TEAM_LABELS } from '@core/users/vocab'
import { Page, RoleGate, Tile } from '@/components'
import { useMe } from '@/hooks/use-me'
import { FEATURE_PAGES } from '@/features'

/** Volunteer home (subpackage): what I offer, and the ways into the work. */
export default function VolunteerHome() {
  const me = useMe()
  const v = me.data?.profile?.volunteer
  return (
    <Page>
      <RoleGate me={me} roles={['volunteer']}>
        <View className='h-title' data-testid='volunteer-home'>
          {me.data?.profile?.name}，谢谢您帮助邻居
        </View>
        <View className='tiles'>
          <Tile title='接单大厅' desc='邻居需要的帮助' mark='接' color='#1a7f37' url={FEATURE_PAGES.pool} testId='entry-pool' />
          <Tile title='我的任务' desc='我接下的单子' mark='任' color='#2563eb' url={FEATURE_PAGES.myTasks} testId='entry-tasks' />
          <Tile wide title='我的积分' desc='服务得积分，可以换东西' mark='分' color='#db2777' url={FEATURE_PAGES.points} />
        </View>
        {v && (
          <View className='card' data-testid='volunteer-skills'>
            <View className='field-label'>我会做</View>
            <Text>{v.skills.map((s) => SKILL_LABELS[s]).join('、')}</Text>
            <View className='field-label'>方便的时间</View>
            <Text>{v.availableTimes.map((t) => TIME_SLOT_LABELS[t]).join('、')}</Text>
            {v.team && <View className='h-sub'>队伍：{TEAM_LABELS[v.team]}</View>}
          </View>
        )}
      </RoleGate>
    </Page>
  )
}
