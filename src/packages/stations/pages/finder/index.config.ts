export default definePageConfig({ navigationBarTitleText: '找服务站' })
