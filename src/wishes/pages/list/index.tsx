import Taro from '@tarojs/taro'
import { View } from '@tarojs/components'
import { api } from '@/api'
import { BigButton, Page, StateView } from '@/components'
import { useMe } from '@/hooks/use-me'
import { useQuery } from '@/hooks/use-query'
import { WishCard } from '../../parts/wish-card'
import { NoPointsForGoods } from '../../parts/no-points'
import '../../parts/wishes.scss'

const WISH_PAGE = '/wishes/pages/wish/index'

/** 微心愿: the community's wishes to claim (children shown only by an alias, age band and grade) and one's own claims. */
export default function WishesPage() {
  const me = useMe()
  const open = useQuery(api.wishes.list, {})
  const mine = useQuery(api.wishes.myClaims, {})
  return (
    <Page>
      <View className='card'>
        <View className='h-title'>帮孩子实现一个小心愿</View>
        <View className='h-sub'>心愿由社区工作人员收集核实。认领后7天内把礼物送到社区服务站，由工作人员转交；您不会、也不需要知道孩子是谁。</View>
        <NoPointsForGoods />
      </View>
      {me.has('staff', 'admin') && (
        <BigButton type='default' onClick={() => void Taro.navigateTo({ url: '/wishes/pages/staff/index' })}>
          微心愿工作台（录入、审核、交接）
        </BigButton>
      )}
      {!!mine.data?.items.length && (
        <>
          <View className='home-section'>我认领的</View>
          <View data-testid='my-claims'>{mine.data.items.map((w) => <WishCard key={w._id} w={w} url={WISH_PAGE} />)}</View>
        </>
      )}
      <View className='home-section'>可以认领的心愿</View>
      <StateView loading={open.loading} hasData={!!open.data} error={open.error} onRetry={open.reload} empty={open.data?.items.length === 0} emptyText='现在没有等认领的心愿'>
        <View data-testid='wish-list'>{open.data?.items.map((w) => <WishCard key={w._id} w={w} url={WISH_PAGE} />)}</View>
      </StateView>
    </Page>
  )
}
