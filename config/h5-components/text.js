import { defineCustomElement } from '@tarojs/components/dist/components/taro-text-core.js'
import { wrap } from './wrap.js'

export const Text = wrap('taro-text-core', defineCustomElement)
