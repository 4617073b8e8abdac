export default definePageConfig({ navigationBarTitleText: '编辑警示' })
