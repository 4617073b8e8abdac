import { Text } from '@tarojs/components'
import type { Segment } from '../api/warning-types'

/** Search hits as marked text; the server cut the segments, so no HTML is involved. */
export function Highlighted({ segments }: { segments: Segment[] }) {
  return (
    <>
      {segments.map((segment, index) =>
        segment.hit ? (
          <Text key={index} className='search-hit'>
            {segment.text}
          </Text>
        ) : (
          <Text key={index}>{segment.text}</Text>
        ),
      )}
    </>
  )
}
