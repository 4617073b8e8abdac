export default definePageConfig({ navigationBarTitleText: '线上调解室' })
