/** The accessibility walk in 大字模式 (test/e2e/support/a11y-walk.ts), run beside the normal size's. */
import { walkEveryPage } from './support/a11y-walk'

walkEveryPage('大字模式')
