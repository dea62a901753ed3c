import { View } from '@tarojs/components'
import type { OrderView } from '@core/orders/schemas'

type Facts = Pick<OrderView, 'address' | 'contactName' | 'contactPhone' | 'contactRelation' | 'servedName' | 'servedPhone'>

/** Where to go and whom to call: for a proxy order the proxy (with their relation), then the neighbour served. */
export function ContactFacts({ o }: { o: Facts }) {
  return (
    <>
      <View className='fact'>地址：{o.address}</View>
      <View className='fact'>
        联系人：{o.contactName}
        {o.contactRelation && `（${o.contactRelation}）`} {o.contactPhone}
        {o.servedName && `，为 ${o.servedName} ${o.servedPhone || ''}`}
      </View>
    </>
  )
}
