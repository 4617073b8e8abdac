export default definePageConfig({ navigationBarTitleText: '企业红黑榜' })
