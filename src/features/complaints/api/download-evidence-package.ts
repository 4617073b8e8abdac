/**
 * GET /api/complaints/:id/evidence-package saved as a file; Taro picks the `.h5.ts` or `.weapp.ts`
 * file at build time (https://docs.taro.zone/docs/envs#统一接口的多端文件). Shared signature only.
 */

/** Downloads the case's evidence package; resolves with the file name, rejects with an ApiRequestError. */
export async function downloadEvidencePackage(_complaintId: string, _number: string, _onProgress: (share: number | null) => void): Promise<string> {
  throw new Error('导出证据包请在电脑网页版操作')
}
