import { defineCustomElement } from '@tarojs/components/dist/components/taro-image-core.js'
import { wrap } from './wrap.js'

export const Image = wrap('taro-image-core', defineCustomElement)
