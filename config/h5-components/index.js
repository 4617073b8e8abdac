// H5 only (config/index.ts aliases `@tarojs/components` here). Taro's own React entry is one module that
// defines every component the app uses anywhere, so each page chunk carried all of them (the map with
// hammerjs, the picker…). One module per component lets a page load only its own, shared between pages.
// Components not listed fall through to Taro's entry unchanged.
export { Button } from './button.js'
export { Image } from './image.js'
export { Input } from './input.js'
export { Map } from './map.js'
export { Picker } from './picker.js'
export { RichText } from './rich-text.js'
export { Switch } from './switch.js'
export { Text } from './text.js'
export { Textarea } from './textarea.js'
export { View } from './view.js'
export * from '@tarojs/components/lib/react/index.js'
