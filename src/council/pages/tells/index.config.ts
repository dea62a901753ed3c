export default definePageConfig({ navigationBarTitleText: '当面告诉邻居' })
