import { useEffect } from 'react'
import { Button, Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { answerPrivacy, popupMounted, PRIVACY_AGREE_BUTTON_ID, usePrivacyRequest } from '@/lib/privacy'
import './index.css'

/** Why the app needs what WeChat is asking about, by the API that asked. */
function purposeOf(referrer: string): string {
  if (/chooseMedia|chooseImage|camera/i.test(referrer)) return '打开相册或相机，让您选择或拍摄照片作为证据（照片自带的拍摄时间和地点用于核实证据，地点只有消协工作人员能看到）'
  if (/Location/i.test(referrer)) return '获取您现在的位置，记录走访中发现问题的地点'
  if (/Clipboard/i.test(referrer)) return '把投诉回执复制到剪贴板，方便您保存'
  return '使用相册、相机、位置或剪贴板'
}

/**
 * The mini-program's privacy consent, shown when WeChat asks (wx.onNeedPrivacyAuthorization) on a
 * page that uses the album, camera, location or clipboard. Nothing on H5.
 */
export function PrivacyPopup() {
  const referrer = usePrivacyRequest((s) => s.referrer)
  useEffect(() => popupMounted(), [])
  if (process.env.TARO_ENV !== 'weapp' || referrer === null) return null
  return (
    <View className='privacy-popup' role='dialog' aria-modal aria-label='用户隐私保护指引'>
      <View className='privacy-popup__box'>
        <Text className='privacy-popup__title'>用户隐私保护指引</Text>
        <Text className='privacy-popup__text'>
          为了{purposeOf(referrer)}，需要您先阅读并同意《用户隐私保护指引》。不同意也可以继续使用：照片可以以后再补，地址可以手动填写。
        </Text>
        <Text className='privacy-popup__link' onClick={() => void Taro.openPrivacyContract?.({})}>
          查看《用户隐私保护指引》
        </Text>
        <Button
          id={PRIVACY_AGREE_BUTTON_ID}
          className='btn btn-primary privacy-popup__button'
          openType='agreePrivacyAuthorization'
          onAgreePrivacyAuthorization={() => answerPrivacy(true)}
        >
          同意并继续
        </Button>
        <Button className='btn btn-plain privacy-popup__button' onClick={() => answerPrivacy(false)}>
          不同意
        </Button>
      </View>
    </View>
  )
}
