export default definePageConfig({ navigationBarTitleText: '超时时限' })
