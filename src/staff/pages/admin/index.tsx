import { useState } from 'react'
import { Page, RoleGate, ChipPicker } from '@/components'
import { useMe } from '@/hooks/use-me'
import { StructureSection } from './structure'
import { AppointSection } from './appoint'
import { PhoneSection } from './phone'

const TABS = [
  { value: 'structure', label: '网格与楼栋' },
  { value: 'appoint', label: '网格员与管理员' },
  { value: 'phone', label: '社区电话' },
]

/** 管理员: the community's grids and buildings, who is 网格员 (for which grids) or 管理员, and the community's phone. */
export default function AdminPage() {
  const me = useMe()
  const [tab, setTab] = useState('structure')
  return (
    <Page>
      <RoleGate me={me} roles={['admin']}>
        <ChipPicker testId='admin-tabs' options={TABS} value={[tab]} onChange={([t]) => setTab(t)} />
        {tab === 'structure' && <StructureSection />}
        {tab === 'appoint' && <AppointSection myOpenid={me.data?.profile?.openid ?? ''} />}
        {tab === 'phone' && <PhoneSection />}
      </RoleGate>
    </Page>
  )
}
