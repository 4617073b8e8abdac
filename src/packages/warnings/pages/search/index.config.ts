export default definePageConfig({ navigationBarTitleText: '搜索消费警示' })
