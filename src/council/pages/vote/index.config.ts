export default definePageConfig({ navigationBarTitleText: '选题委员会和评议' })
