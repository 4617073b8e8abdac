import { Text, View } from '@tarojs/components'

export default function Index() {
  return (
    <View>
      <Text>你好，世界</Text>
    </View>
  )
}
