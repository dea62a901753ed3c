import { View } from '@tarojs/components'
import { BigButton, FormError } from '@/components'
import { confirmFirst } from '@/lib/confirm'

/** A step that cannot be undone, in a card of its own: one button that asks first, and the refusal if any. */
export function AskFirstButton(p: { label: string; ask: [title: string, content: string, confirm: string]; pending: boolean; error: unknown; run: () => Promise<unknown> }) {
  return (
    <View className='card'>
      <BigButton
        type='default'
        loading={p.pending}
        onClick={async () => {
          if (await confirmFirst(...p.ask)) await p.run()
        }}
      >
        {p.label}
      </BigButton>
      <FormError error={p.error} />
    </View>
  )
}
