/**
 * The content checks of an upload as a stream stage: bytes pass through as they come (nothing buffered beyond the
 * first few), and the stream fails as soon as the content is known to be refused — past the size limit, not a PDF,
 * JPEG or PNG by its first bytes — or at its end when it was empty.
 */
import { sniffLength, sniffType, type AcceptedType } from './content-type.ts';
import { describeBytes, FileRejectedError, FileUsageError } from './errors.ts';

/** The checked bytes of `source`; `type()` is known once the first bytes went through (after the stream ends, always). */
export function checkedContent(source: AsyncIterable<Uint8Array>, maxBytes: number): { content: AsyncIterable<Uint8Array>; type(): AcceptedType } {
  let type: AcceptedType | undefined;
  const tooLarge = () => new FileRejectedError('file-too-large', `the file is larger than the limit of ${describeBytes(maxBytes)}`, maxBytes);
  const notAccepted = () => new FileRejectedError('file-type', 'the file is not a PDF, JPEG or PNG (by its content, whatever its name or declared type)');
  async function* content(): AsyncGenerator<Uint8Array> {
    let size = 0;
    let head: Uint8Array[] = [];
    let headLength = 0;
    for await (const chunk of source) {
      size += chunk.length;
      if (size > maxBytes) throw tooLarge();
      if (type) {
        yield chunk;
        continue;
      }
      head.push(chunk);
      headLength += chunk.length;
      if (headLength < sniffLength) continue;
      const joined = Buffer.concat(head);
      type = sniffType(joined);
      if (!type) throw notAccepted();
      head = [];
      yield joined;
    }
    if (size === 0) throw new FileRejectedError('file-empty', 'the file is empty');
    if (!type) {
      const joined = Buffer.concat(head);
      type = sniffType(joined);
      if (!type) throw notAccepted();
      yield joined;
    }
  }
  return {
    content: content(),
    type: () => {
      if (!type) throw new FileUsageError('the content type is known only once the first bytes were read');
      return type;
    },
  };
}
