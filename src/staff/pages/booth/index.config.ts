export default definePageConfig({ navigationBarTitleText: '摊位核销' })
