import type { PropsWithChildren } from 'react'
import { Button } from '@tarojs/components'
import './index.scss'

interface Props {
  onClick?: () => void
  type?: 'primary' | 'default' | 'danger' | 'success'
  disabled?: boolean
  loading?: boolean
  className?: string
  /** 'share': WeChat's share sheet for this page (weapp; the page must enable sharing) */
  openType?: 'share'
}

/**
 * A full-width, tall button (≥ 44 px; 52 px in 大字模式) with plain words. The platform's own button
 * (WeChat draws the loading spinner natively: nothing extra ships), styled by our design tokens.
 */
export function BigButton({ onClick, type = 'primary', disabled, loading, className, openType, children }: PropsWithChildren<Props>) {
  return (
    <Button
      className={['big-btn', `big-btn--${type}`, className ?? ''].join(' ').trim()}
      disabled={disabled || loading}
      loading={loading}
      openType={openType}
      onClick={() => onClick?.()}
    >
      {children}
    </Button>
  )
}
