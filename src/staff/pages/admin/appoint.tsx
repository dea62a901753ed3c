import { useState } from 'react'
import { View, Text, Input } from '@tarojs/components'
import type { UserView } from '@core/users/schemas'
import { ROLE_LABELS } from '@core/contract/roles'
import { api } from '@/api'
import { BigButton, ChipPicker, FormError, PagedList } from '@/components'
import { useStructure } from '@/hooks/use-me'
import { confirmFirst } from '@/lib/confirm'
import { useAction } from '@/hooks/use-query'
import { usePaged } from '@/hooks/use-paged'
import { addressText, gridName } from '@/lib/address'

/** Find a resident by name; make them 网格员 of chosen grids, or 管理员; or take either role back. */
export function AppointSection({ myOpenid }: { myOpenid: string }) {
  const [keyword, setKeyword] = useState('')
  const [role, setRole] = useState<'' | 'staff' | 'admin'>('')
  const k = keyword.trim()
  // with no name typed, list the current 网格员 or 管理员
  const input = { limit: 10, ...(k ? { keyword: k } : { role: role || 'staff' }) }
  const list = usePaged(api.users.listUsers, input, { idOf: (u) => u.openid })
  return (
    <View data-testid='appoint'>
      <Input className='field-input' data-testid='appoint-search' value={keyword} placeholder='输入姓名查找居民' onInput={(e) => setKeyword(e.detail.value)} />
      {!k && (
        <ChipPicker
          options={[
            { value: 'staff', label: '现任网格员' },
            { value: 'admin', label: '现任管理员' },
          ]}
          value={[role || 'staff']}
          onChange={([r]) => setRole(r as 'staff' | 'admin')}
        />
      )}
      <PagedList list={list} emptyText='没有找到这个人'>
        {list.items.map((u) => (
          <AppointCard key={u.openid} user={u} isMe={u.openid === myOpenid} onChanged={list.reload} />
        ))}
      </PagedList>
    </View>
  )
}

function AppointCard({ user, isMe, onChanged }: { user: UserView; isMe: boolean; onChanged: () => Promise<void> }) {
  const structure = useStructure()
  const grant = useAction(api.users.grantRole)
  const revoke = useAction(api.users.revokeRole)
  const [grids, setGrids] = useState<string[]>(user.scopes.grids)
  const [missing, setMissing] = useState(false)
  const isStaff = user.roles.includes('staff')
  const isAdmin = user.roles.includes('admin')
  const done = async (out: unknown) => {
    if (out) await onChanged()
  }
  const saveStaff = async () => {
    // nothing picked and nothing to take back: say what is missing instead of a grey button
    setMissing(grids.length === 0 && !isStaff)
    if (grids.length === 0 && !isStaff) return
    const drop = user.scopes.grids.filter((g) => !grids.includes(g))
    const dropped = drop.map((g) => gridName(structure.data, g)).join('、')
    if (drop.length && !(await confirmFirst('撤销网格员？', `「${user.name}」将不再管${dropped}：看不到那里的单子和居民，也不能派单。`, '撤销'))) return
    if (grids.length) await done(await grant.run({ openid: user.openid, role: 'staff', grids }))
    if (drop.length) await done(await revoke.run({ openid: user.openid, role: 'staff', scope: drop }))
  }
  const revokeAdmin = async () => {
    if (!(await confirmFirst('撤销管理员？', `「${user.name}」将不能再管社区、任命和审批。`, '撤销'))) return
    await done(await revoke.run({ openid: user.openid, role: 'admin' }))
  }
  const busy = grant.pending || revoke.pending
  const error = grant.error ?? revoke.error
  const scopeText = user.scopes.grids.map((g) => gridName(structure.data, g)).join('、')
  return (
    <View className='card' data-testid={`appoint-${user.openid}`}>
      <Text className='h-title'>{user.name}</Text>
      <View>{addressText(structure.data, user.buildingId, user.unitId)} · {user.phone}</View>
      <View className='h-sub' data-testid='appoint-roles'>
        {user.roles.map((r) => ROLE_LABELS[r]).join('、')}
        {isStaff && scopeText ? `（${scopeText}）` : ''}
      </View>
      <View className='field-label'>做哪些网格的网格员</View>
      <ChipPicker testId='appoint-grids' multiple options={(structure.data?.grids ?? []).map((g) => ({ value: g.id, label: g.name }))} value={grids} onChange={(g) => (setGrids(g), setMissing(false))} />
      {missing && (
        <View className='error-text field-error' data-testid='appoint-grids-missing'>
          请先选一个网格，再保存
        </View>
      )}
      <FormError error={error} />
      <BigButton onClick={() => void saveStaff()} loading={busy}>
        {grids.length === 0 && isStaff ? '撤销网格员' : '保存网格员'}
      </BigButton>
      {isAdmin ? (
        !isMe && (
          <BigButton type='danger' onClick={() => void revokeAdmin()} loading={busy}>
            撤销管理员
          </BigButton>
        )
      ) : (
        <BigButton type='default' onClick={() => void grant.run({ openid: user.openid, role: 'admin' }).then(done)} loading={busy}>
          设为管理员
        </BigButton>
      )}
    </View>
  )
}
