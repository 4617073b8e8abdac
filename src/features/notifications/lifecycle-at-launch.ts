// What app.ts calls; Taro builds `lifecycle-at-launch.h5.ts` on H5 (loaded after the first screen).
export { startNotifications, stopNotifications, wakeNotifications } from './lifecycle'
