export default definePageConfig({ navigationBarTitleText: '联盟共享发现' })
