import { useState } from 'react'
import { View, Textarea } from '@tarojs/components'
import { BigButton, Field } from '@/components'
import { confirmFirst } from '@/lib/confirm'
import './parts.scss'

interface Props {
  label: string
  placeholder?: string
  submit: string
  /** allow an empty text */
  optional?: boolean
  pending?: boolean
  type?: 'primary' | 'default' | 'danger' | 'success'
  testId?: string
  /** ask first (what cannot be undone): title, the consequence, the confirm button's word */
  confirm?: readonly [title: string, content: string, confirmText: string]
  onSubmit: (text: string) => void
}

const MAX = 200

/** A short text (reason, note, guidance) and its button. */
export function NoteForm({ label, placeholder, submit, optional, pending, type, testId, confirm, onSubmit }: Props) {
  const [text, setText] = useState('')
  const [missing, setMissing] = useState(false)
  const go = async () => {
    // the button stays tappable: an empty required text is named at the box, not by a grey button
    if (!optional && !text.trim()) return setMissing(true)
    if (confirm && !(await confirmFirst(...confirm))) return
    onSubmit(text.trim())
  }
  return (
    <View className='note-form' data-testid={testId}>
      <Field label={label} path='text' error={missing && { details: [{ path: 'text', message: `请先填写${label}` }] }} count={[text.length, MAX]}>
        <Textarea
          className='field-input field-textarea order-text'
          value={text}
          maxlength={MAX}
          placeholder={placeholder}
          onInput={(e) => {
            setText(e.detail.value)
            setMissing(false)
          }}
        />
      </Field>
      <BigButton type={type} loading={pending} onClick={() => void go()}>
        {submit}
      </BigButton>
    </View>
  )
}
