export { discardPhoto } from './photo-files.h5'
