import { defineCustomElement } from '@tarojs/components/dist/components/taro-rich-text-core.js'
import { wrap } from './wrap.js'

export const RichText = wrap('taro-rich-text-core', defineCustomElement)
