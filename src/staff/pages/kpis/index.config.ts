export default definePageConfig({ navigationBarTitleText: '三率和数字' })
