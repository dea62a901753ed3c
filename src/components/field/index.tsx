import type { PropsWithChildren } from 'react'
import { View } from '@tarojs/components'
import { useLabelInside } from '@/hooks/use-label-inside'
import { formMessage, messageAt } from '@/lib/field-errors'
import './index.scss'

/** The server's message for `path`, in red under the field it concerns. */
export function FieldError({ error, path }: { error: unknown; path: string }) {
  const message = messageAt(error, path)
  if (!message) return null
  return (
    <View className='error-text field-error' data-testid={`error-${path}`}>
      {message}
    </View>
  )
}

interface FieldProps {
  label: string
  /** the input's path in the action's contract, e.g. 'phone' or 'onBehalfOf.name' */
  path: string
  /** the action's error: its message for `path` shows under the input */
  error: unknown
  hint?: string
  /** a long text's length and limit: shown as 123/500 */
  count?: readonly [length: number, max: number]
}

/** One form field: its label, the input (children), a hint, and the server's message for it. */
export function Field({ label, path, error, hint, count, children }: PropsWithChildren<FieldProps>) {
  const bad = !!messageAt(error, path)
  const ref = useLabelInside<typeof View>(label)
  return (
    <View ref={ref} className={bad ? 'field field--bad' : 'field'} data-field={path}>
      <View className='field-label'>{label}</View>
      {children}
      {count && <View className='h-sub field-count'>{`${count[0]}/${count[1]}`}</View>}
      {hint && <View className='h-sub field-hint'>{hint}</View>}
      <FieldError error={error} path={path} />
    </View>
  )
}

/**
 * The foot of a form: the error when it names no field, or what the fields shown cannot say,
 * or a pointer to the red text above.
 */
export function FormError({ error, fields = [], testId, note = '' }: { error: unknown; fields?: readonly string[]; testId?: string; note?: string }) {
  const message = formMessage(error, fields)
  if (!message) return null
  return (
    <View className='error-text' data-testid={testId}>
      {message}
      {note}
    </View>
  )
}
