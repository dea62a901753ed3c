import Taro from '@tarojs/taro'
import { View, Text } from '@tarojs/components'
import { api } from '@/api'
import { FormError, Page, RoleGate, StateView } from '@/components'
import { useMe } from '@/hooks/use-me'
import { useAction, useQuery } from '@/hooks/use-query'
import { actableCommunities } from '../../lib/places'

/** Staff and admins of several communities, and street admins: choose the community to work in. */
export default function Communities() {
  const me = useMe()
  const streets = useQuery(api.community.streets, {})
  const actIn = useAction(api.users.actIn)
  const here = me.data?.place?.communityId
  const options = actableCommunities(streets.data?.streets ?? [], me.data?.scopes, me.data?.profile?.communityId)
  const pick = async (communityId: string) => {
    if (communityId === here) return void Taro.navigateBack()
    if (await actIn.run({ communityId })) void Taro.reLaunch({ url: '/pages/home/index' })
  }
  return (
    <Page>
      <RoleGate me={me} roles={['staff', 'admin', 'street_admin']}>
        <View className='h-sub'>之后的派单、活动、积分都在选中的社区里办理。</View>
        <StateView loading={streets.loading} hasData={!!streets.data} error={streets.error} onRetry={streets.reload}>
          <View data-testid='communities'>
            {options.map((c) => (
              <View key={c.id} className='card row' data-testid={`community-${c.id}`} onClick={() => void pick(c.id)}>
                <Text>
                  {c.streetName} · {c.name}
                </Text>
                <Text className='h-sub'>{c.id === here ? '正在这里办事' : '切换到这里 ›'}</Text>
              </View>
            ))}
          </View>
        </StateView>
        <FormError error={actIn.error} />
      </RoleGate>
    </Page>
  )
}
