/**
 * Forgets a photo kept on the device (no error when it is already gone). Taro picks
 * `photo-discard.weapp.ts` or `photo-discard.h5.ts` at build time; a module of its own so the main
 * package need not carry the whole of lib/photo-files.
 */
export { discardPhoto } from './photo-files'
