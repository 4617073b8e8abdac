export { downloadFile as downloadCsv } from './download-file.h5'
