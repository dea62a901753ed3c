export default definePageConfig({ navigationBarTitleText: '没有找到' })
