/** heic-decode 2.x ships no types; this is the part of its API we use. */
declare module 'heic-decode' {
  interface DecodedImage {
    width: number
    height: number
    data: Uint8ClampedArray
  }
  interface HeicImage {
    width: number
    height: number
    decode(): Promise<DecodedImage>
  }
  function decode(input: { buffer: Uint8Array }): Promise<DecodedImage>
  namespace decode {
    function all(input: { buffer: Uint8Array }): Promise<HeicImage[] & { dispose(): void }>
  }
  export default decode
}
