import { useState } from 'react'
import { View, Text, Input } from '@tarojs/components'
import { api } from '@/api'
import type { UserView } from '@core/users/schemas'
import { ROLE_LABELS } from '@core/contract/roles'
import { BigButton, ChipPicker, FormError, Page, PagedList, RoleGate } from '@/components'
import { useMe, useStructure } from '@/hooks/use-me'
import { confirmFirst } from '@/lib/confirm'
import { useAction } from '@/hooks/use-query'
import { usePaged } from '@/hooks/use-paged'
import { addressText } from '@/lib/address'
import { labelled } from '@/lib/a11y'

const ROLE_FILTERS = [
  { value: '', label: '全部' },
  { value: 'volunteer', label: '志愿者' },
  { value: 'building_lead', label: '楼栋长' },
  { value: 'staff', label: '网格员' },
]

/** 网格员 / 管理员: residents in scope, filter by role, search by name; make or unmake a 楼栋长. */
export default function UsersPage() {
  const me = useMe()
  const [role, setRole] = useState('')
  const [keyword, setKeyword] = useState('')
  const input = { limit: 20, ...(role ? { role: role as UserView['roles'][number] } : {}), ...(keyword.trim() ? { keyword: keyword.trim() } : {}) }
  const list = usePaged(api.users.listUsers, input, { enabled: me.has('staff', 'admin'), idOf: (u) => u.openid })
  const structure = useStructure()
  return (
    <Page>
      <RoleGate me={me} roles={['staff', 'admin']}>
        <ChipPicker options={ROLE_FILTERS} value={[role]} onChange={([r]) => setRole(r)} />
        <Input className='field-input' data-testid='user-search' {...labelled('按姓名搜索居民')} value={keyword} placeholder='按姓名搜索' onInput={(e) => setKeyword(e.detail.value)} />
        <PagedList list={list} emptyText='没有找到居民'>
          <View className='h-sub'>共 {list.data?.total ?? 0} 人</View>
          {list.items.map((u) => (
            <UserRow key={u.openid} user={u} where={addressText(structure.data, u.buildingId, u.unitId)} onChanged={list.reload} />
          ))}
        </PagedList>
      </RoleGate>
    </Page>
  )
}

function UserRow({ user, where, onChanged }: { user: UserView; where: string; onChanged: () => Promise<void> }) {
  const grant = useAction(api.users.grantRole)
  const revoke = useAction(api.users.revokeRole)
  const isLead = user.roles.includes('building_lead')
  const toggleLead = async () => {
    if (isLead && !(await confirmFirst('撤销楼栋长？', `撤销后「${user.name}」不能再为本楼邻居代下单。`, '撤销'))) return
    const out = isLead
      ? await revoke.run({ openid: user.openid, role: 'building_lead', scope: [user.buildingId] })
      : await grant.run({ openid: user.openid, role: 'building_lead', buildings: [user.buildingId] })
    if (out) await onChanged()
  }
  const error = grant.error ?? revoke.error
  return (
    <View className='card' data-testid={`user-${user.openid}`}>
      <Text className='h-title'>{user.name}</Text>
      <View>{where} · {user.phone}</View>
      <View className='h-sub'>{user.roles.map((r) => ROLE_LABELS[r]).join('、')}</View>
      <FormError error={error} />
      <BigButton type='default' onClick={() => void toggleLead()} loading={grant.pending || revoke.pending}>
        {isLead ? '撤销本楼楼栋长' : '设为本楼楼栋长'}
      </BigButton>
    </View>
  )
}
