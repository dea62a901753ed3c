export default definePageConfig({ navigationBarTitleText: '街道工作台' })
