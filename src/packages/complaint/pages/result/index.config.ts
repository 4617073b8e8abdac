// Four characters: the H5 title bar keeps room for its home button and cuts longer titles (投诉已…).
export default definePageConfig({ navigationBarTitleText: '提交成功' })
