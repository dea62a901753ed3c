import { useState } from 'react'
import { View, Textarea } from '@tarojs/components'
import { BigButton } from '@/components'
import { labelled } from '@/lib/a11y'
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

/** A short text (reason, note, guidance) and its button. */
export function NoteForm({ label, placeholder, submit, optional, pending, type, testId, confirm, onSubmit }: Props) {
  const [text, setText] = useState('')
  const go = async () => {
    if (confirm && !(await confirmFirst(...confirm))) return
    onSubmit(text.trim())
  }
  return (
    <View className='note-form' data-testid={testId}>
      <View className='field-label'>{label}</View>
      <Textarea className='field-input field-textarea order-text' value={text} maxlength={200} placeholder={placeholder} {...labelled(label)} onInput={(e) => setText(e.detail.value)} />
      <BigButton type={type} loading={pending} disabled={!optional && !text.trim()} onClick={() => void go()}>
        {submit}
      </BigButton>
    </View>
  )
}
