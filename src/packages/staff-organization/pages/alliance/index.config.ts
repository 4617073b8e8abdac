export default definePageConfig({ navigationBarTitleText: '联盟移送的投诉' })
