export default definePageConfig({ navigationBarTitleText: '消费警示管理' })
