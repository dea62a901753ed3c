import Taro from '@tarojs/taro'
import { View, Text } from '@tarojs/components'
import { ROLE_LABELS } from '@core/contract/roles'
import { Page, StateView, LargeTextSwitch } from '@/components'
import { useMe, useStructure } from '@/hooks/use-me'
import { DevPersonaLink } from '@/components/dev-persona'
import { addressText } from '@/lib/address'
import { ProfileForm } from './profile-form'
import { VolunteerCard } from './volunteer-card'

/** 我的: profile and address, 大字模式, apply as a volunteer. */
export default function Me() {
  const me = useMe()
  const structure = useStructure()
  const profile = me.data?.profile ?? null
  const loading = me.loading || structure.loading
  return (
    <Page>
      <LargeTextSwitch />
      <StateView loading={loading} hasData={!!me.data && !!structure.data} error={me.error ?? structure.error} onRetry={() => void Promise.all([me.reload(), structure.reload()])}>
        {profile && (
          <View className='card' data-testid='me-summary'>
            <Text className='h-title'>{profile.name}</Text>
            <View>{addressText(structure.data, profile.buildingId, profile.unitId)}</View>
            <View className='h-sub'>身份：{(me.data?.roles ?? []).map((r) => ROLE_LABELS[r]).join('、')}</View>
          </View>
        )}
        {structure.data && (
          <ProfileForm profile={profile} structure={structure.data} onSaved={() => void me.reload()} />
        )}
        <VolunteerCard profile={profile} isVolunteer={me.has('volunteer')} onChanged={() => void me.reload()} />
      </StateView>
      <View className='card'>
        <View className='row' onClick={() => void Taro.navigateTo({ url: '/account/pages/privacy/index' })} data-testid='privacy-link'>
          <Text>隐私保护指引</Text>
          <Text>›</Text>
        </View>
        {profile && (
          <View className='row' onClick={() => void Taro.navigateTo({ url: '/account/pages/data/index' })} data-testid='my-data-link'>
            <Text>我的数据（查看、注销账户）</Text>
            <Text>›</Text>
          </View>
        )}
      </View>
      <DevPersonaLink />
    </Page>
  )
}
