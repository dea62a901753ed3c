import type { PropsWithChildren } from 'react'
import { Button } from '@nutui/nutui-react-taro'

interface Props {
  onClick?: () => void
  type?: 'primary' | 'default' | 'danger' | 'success'
  disabled?: boolean
  loading?: boolean
  className?: string
}

/** A full-width, tall button (≥ 44 px) with plain words; sizes follow 大字模式 via CSS variables. */
export function BigButton({ onClick, type = 'primary', disabled, loading, className, children }: PropsWithChildren<Props>) {
  return (
    <Button
      block
      size='large'
      type={type}
      disabled={disabled || loading}
      loading={loading}
      className={['big-btn', className ?? ''].join(' ').trim()}
      onClick={() => onClick?.()}
    >
      {children}
    </Button>
  )
}
