export default definePageConfig({ navigationBarTitleText: '接单大厅' })
