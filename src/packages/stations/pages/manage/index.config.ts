export default definePageConfig({ navigationBarTitleText: '服务站管理' })
