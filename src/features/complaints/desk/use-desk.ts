/**
 * Whether the staff pages show the desk workbench. Taro builds `use-desk.h5.ts` for H5 (a screen
 * 1024 px or wider); on weapp the phone layout always stays.
 */
export function useDesk(): boolean {
  return false
}
