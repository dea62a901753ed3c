import Taro from '@tarojs/taro'
import { View, Text } from '@tarojs/components'
import { Page, StateView, Tile, LargeTextSwitch } from '@/components'
import { useMe, useStructure } from '@/hooks/use-me'
import { useDevPersonaFirst } from '@/components/dev-persona'
import { FEATURE_PAGES } from '@/features'
import { ROLE_LABELS } from '@core/contract/roles'
import { HelpPhones } from './help-phones'
import { HomeTodo } from './todo'
import './index.scss'

const ME = '/pages/me/index'
const KPIS = '/staff/pages/kpis/index'

/** Staff or admin in more than one community, or a street admin: they choose where to act. */
const worksInSeveral = (s?: { streets: string[]; communities: string[] }) => !!s && (s.streets.length > 0 || s.communities.length > 1)

/** Home: four big entries for everyone, plus the entries of the caller's roles. */
export default function Home() {
  useDevPersonaFirst()
  const me = useMe()
  const structure = useStructure()
  const profile = me.data?.profile
  const roleText = (me.data?.roles ?? []).filter((r) => r !== 'resident').map((r) => ROLE_LABELS[r]).join('、')

  return (
    <Page>
      <View className='home-head'>
        <Text className='h-title' data-testid='greeting'>
          {profile ? `${profile.name}，您好` : '您好，欢迎来到邻里帮'}
        </Text>
        <View className='h-sub'>
          {structure.data?.community.name ?? ''}
          {roleText ? ` · ${roleText}` : ''}
        </View>
      </View>
      <StateView loading={me.loading} hasData={!!me.data} error={me.error} onRetry={me.reload}>
        {me.data && !profile && (
          <View className='card home-register' onClick={() => void Taro.navigateTo({ url: ME })} data-testid='register-hint'>
            第一次来？请先登记姓名和住址，邻居和社区才能帮到您。点这里登记 ›
          </View>
        )}
        {profile && <HomeTodo />}
        <View className='tiles' data-testid='entries'>
          <Tile title='服务点单' desc='修水电、陪看病、送饭' mark='修' color='#c8102e' url={FEATURE_PAGES.order} testId='entry-order' />
          <Tile title='活动报名' desc='义诊、义剪、文艺活动' mark='活' color='#d97706' url={FEATURE_PAGES.events} testId='entry-events' />
          <Tile title='爱心银行' desc='积分换米面油' mark='爱' color='#db2777' url={FEATURE_PAGES.points} testId='entry-points' />
          <Tile title='我的' desc='资料、住址、大字模式' mark='我' color='#2563eb' url={ME} testId='entry-me' />
          <Tile wide title='议事协商' desc='有事大家商量，提议题、附议、看决议' mark='议' color='#0f766e' url={FEATURE_PAGES.council} testId='entry-council' />
          <Tile wide title='矛盾调解' desc='邻里纠纷，社区帮您调解' mark='调' color='#9333ea' url={FEATURE_PAGES.disputes} testId='entry-disputes' />
          <Tile wide title='微心愿' desc='帮孩子实现一个小心愿' mark='愿' color='#e11d48' url={FEATURE_PAGES.wishes} testId='entry-wishes' />
        </View>
        {me.has('volunteer') && (
          <>
            <View className='home-section'>志愿者</View>
            <Tile wide title='我要帮忙 / 接单' desc='看看谁需要帮助' mark='帮' color='#1a7f37' url='/volunteer/pages/home/index' testId='entry-volunteer' />
          </>
        )}
        {me.has('staff', 'admin') && (
          <>
            <View className='home-section'>社区工作</View>
            <View className='tiles'>
              <Tile title='派单' desc='居民的求助，分给志愿者' mark='派' color='#7c3aed' url={FEATURE_PAGES.dispatch} testId='entry-dispatch' />
              <Tile title='志愿者审核' desc='新申请的志愿者' mark='审' color='#0d9488' url='/staff/pages/applications/index' testId='entry-review' />
              <Tile wide title='居民与角色' desc='网格里的居民、楼栋长' mark='管' color='#475569' url='/staff/pages/users/index' testId='entry-users' />
              <Tile wide title='三率和数字' desc='响应率、解决率、满意率' mark='数' color='#1d4ed8' url={KPIS} testId='entry-kpis' />
              {me.has('admin') && <Tile wide title='社区管理' desc='网格、楼栋，任命网格员和管理员' mark='社' color='#b45309' url='/staff/pages/admin/index' testId='entry-admin' />}
            </View>
          </>
        )}
        {me.has('street_admin') && (
          <>
            <View className='home-section'>街道工作</View>
            <Tile wide title='街道工作台' desc='各社区上报的大事，进入社区查看' mark='街' color='#0f766e' url='/staff/pages/street/index' testId='entry-street' />
            <Tile wide title='各社区的三率' desc='响应率、解决率、满意率' mark='数' color='#1d4ed8' url={KPIS} testId='entry-street-kpis' />
          </>
        )}
        {worksInSeveral(me.data?.scopes) && <Tile wide title='切换社区' desc={`正在：${structure.data?.community.name ?? ''}`} mark='换' color='#64748b' url='/staff/pages/communities/index' testId='entry-communities' />}
      </StateView>
      <View className='home-foot'>
        <LargeTextSwitch />
        <HelpPhones community={structure.data?.community.phone} />
      </View>
    </Page>
  )
}
