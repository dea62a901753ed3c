import { useState } from 'react'
import { View, Textarea } from '@tarojs/components'
import { BigButton, ChipPicker, Field, FormError } from '@/components'
import { ROUTES } from '@core/disputes/vocab'
import { confirmFirst } from '@/lib/confirm'

type Route = keyof typeof ROUTES
export interface Guidance {
  route: Route
  guidance: string
}

/** Where the parties can go instead (不受理, 调解未成, 移交): a route and plain advice, asked before it is sent. */
export function GuidanceForm(p: { title: string; button: string; confirm: string; testId: string; pending: boolean; error: unknown; onSubmit: (g: Guidance) => Promise<unknown> }) {
  const [g, setG] = useState<{ route: Route | ''; guidance: string }>({ route: '', guidance: '' })
  const submit = async () => {
    if (!(await confirmFirst(p.title, p.confirm, p.button))) return
    await p.onSubmit({ route: g.route as Route, guidance: g.guidance })
  }
  return (
    <View className='card' data-testid={p.testId}>
      <View className='h-title'>{p.title}</View>
      <Field label='建议去哪里解决' path='route' error={p.error}>
        <ChipPicker testId={`${p.testId}-route`} options={Object.entries(ROUTES).map(([value, label]) => ({ value, label }))} value={[g.route]} onChange={([v]) => setG((x) => ({ ...x, route: v as Route }))} />
      </Field>
      <Field label='怎么去办（当事人会看到）' path='guidance' error={p.error} count={[g.guidance.length, 200]}>
        <Textarea className='field-input field-textarea order-text' data-testid={`${p.testId}-text`} value={g.guidance} maxlength={200} onInput={(e) => setG((x) => ({ ...x, guidance: e.detail.value }))} />
      </Field>
      <FormError error={p.error} fields={['route', 'guidance']} />
      <BigButton type='default' loading={p.pending} onClick={() => void submit()}>{p.button}</BigButton>
    </View>
  )
}
