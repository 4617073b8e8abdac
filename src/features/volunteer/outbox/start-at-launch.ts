/**
 * Starts the field-report outbox when the app launches. Taro builds `start-at-launch.h5.ts` (start at
 * once) or `start-at-launch.weapp.ts` (nothing at launch); this neutral file types them.
 */
export function startOutboxAtLaunch(_owner: () => string | null): void {}
