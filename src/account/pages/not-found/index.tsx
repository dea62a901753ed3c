import { NotFound, Page } from '@/components'

/** Where an unknown address lands (app.ts: onPageNotFound). */
export default function NotFoundPage() {
  return (
    <Page>
      <NotFound title='没有找到这个页面' text='链接可能不完整，或者这个页面已经不用了。' />
    </Page>
  )
}
