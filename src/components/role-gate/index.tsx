import type { PropsWithChildren } from 'react'
import { View } from '@tarojs/components'
import type { Role } from '@core/contract/roles'
import { ROLE_LABELS } from '@core/contract/roles'
import { StateView } from '@/components/state-view'
import { BigButton } from '@/components/big-button'
import { goHome } from '@/components/not-found'

interface Props {
  /** from useMe() */
  me: { loading: boolean; data?: unknown; error?: unknown; reload: () => Promise<void>; has: (...r: Role[]) => boolean }
  roles: Role[]
}

/**
 * Shows a role's page only to that role (the server checks again on every call — this only spares
 * people a page full of permission errors).
 */
export function RoleGate({ me, roles, children }: PropsWithChildren<Props>) {
  return (
    <StateView loading={me.loading} hasData={!!me.data} error={me.error} onRetry={() => void me.reload()}>
      {me.has(...roles) ? (
        children
      ) : (
        <View className='card' data-testid='role-gate'>
          <View className='h-title'>这里是{roles.map((r) => ROLE_LABELS[r]).join('、')}的页面</View>
          <View className='h-sub'>您现在还不能使用。想做志愿者，可以在「我的」里申请。</View>
          <BigButton type='default' onClick={goHome}>
            回到首页
          </BigButton>
        </View>
      )}
    </StateView>
  )
}
