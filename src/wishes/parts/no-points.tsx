import { View } from '@tarojs/components'

/** Said on every donor page: the 爱心银行 counts time given, not money spent. */
export function NoPointsForGoods() {
  return (
    <View className='h-sub' data-testid='no-points-note'>
      买礼物不记爱心银行积分：爱心银行记的是服务的时间，不是花的钱。认领的是服务心愿（探访、辅导）的志愿者，在服务站服务完成、确认后按服务单记积分。
    </View>
  )
}
