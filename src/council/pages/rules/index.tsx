import { View, Input } from '@tarojs/components'
import { api } from '@/api'
import { BigButton, Field, FormError, Page, RoleGate, StateView } from '@/components'
import { useMe } from '@/hooks/use-me'
import { useAction, useQuery } from '@/hooks/use-query'
import { useServerForm } from '@/hooks/use-server-form'
import type { SelectionSettings } from '@core/council/selection'

const FIELDS: { key: keyof SelectionSettings; label: string; hint: string }[] = [
  { key: 'supportsPerHousehold', label: '每户每场附议几次', hint: '默认3次' },
  { key: 'minSupports', label: '上会至少要几户附议', hint: '默认5户' },
  { key: 'sharePercent', label: '或登记户数的百分之几（取大的）', hint: '默认2%' },
  { key: 'agendaSize', label: '每场最多上几个议题', hint: '默认5个' },
  { key: 'proxySupportsPerLead', label: '楼栋长每场替老人附议几次', hint: '默认10次' },
]
type Form = Record<keyof SelectionSettings, string>
const toForm = (s: SelectionSettings): Form => Object.fromEntries(FIELDS.map((f) => [f.key, String(s[f.key])])) as Form
const BLANK = Object.fromEntries(FIELDS.map((f) => [f.key, ''])) as Form

/** The admin sets how supports and selection work in the community. */
export default function RulesPage() {
  const me = useMe()
  const q = useQuery(api.council.selection, {}, { enabled: me.has('admin') })
  const save = useAction(api.council.setSelection)
  const { form, edit, saved } = useServerForm(q.data, toForm, BLANK)
  const submit = async () => {
    const input: SelectionSettings = Object.fromEntries(FIELDS.map((f) => [f.key, Number(form[f.key])])) as Record<keyof SelectionSettings, number>
    if (!(await save.run(input))) return
    saved()
    await q.reload()
  }
  return (
    <Page>
      <RoleGate me={me} roles={['admin']}>
        <StateView loading={q.loading} hasData={!!q.data} error={q.error} onRetry={q.reload}>
          <View className='card' data-testid='rules-form'>
            {FIELDS.map((f) => (
              <Field key={f.key} label={f.label} path={f.key} error={save.error} hint={f.hint}>
                <Input className='field-input order-text' type='number' data-testid={`rule-${f.key}`} value={form[f.key]} maxlength={3} onInput={(e) => edit((x) => ({ ...x, [f.key]: e.detail.value }))} />
              </Field>
            ))}
            <FormError error={save.error} fields={FIELDS.map((f) => f.key)} />
            <BigButton loading={save.pending} onClick={submit}>保存规则</BigButton>
          </View>
        </StateView>
      </RoleGate>
    </Page>
  )
}
