/** A ZIP file's entries as its central directory lists them, read without inflating anything. */
export interface ZipEntry {
  name: string;
  /** The size the entry says it inflates to. */
  size: number;
}

const END_OF_DIRECTORY = 0x06054b50;
const DIRECTORY_ENTRY = 0x02014b50;
/** The end record is 22 bytes plus a comment of at most 64 KB. */
const MAX_END_SEARCH = 22 + 0xffff;

/**
 * The entries of a ZIP archive, or null when the bytes are not one (no end record, a directory that runs
 * past the end). Read before mammoth inflates the archive, so that a document that would inflate to
 * gigabytes is refused first. ZIP64 sizes read as their 0xFFFFFFFF marker, which is over any limit.
 */
export function zipEntries(bytes: Uint8Array): ZipEntry[] | null {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let end = -1;
  for (let at = bytes.length - 22; at >= Math.max(0, bytes.length - MAX_END_SEARCH); at--) {
    if (view.getUint32(at, true) === END_OF_DIRECTORY) {
      end = at;
      break;
    }
  }
  if (end < 0) return null;
  const count = view.getUint16(end + 10, true);
  let at = view.getUint32(end + 16, true);
  const entries: ZipEntry[] = [];
  const decoder = new TextDecoder();
  for (let i = 0; i < count; i++) {
    if (at + 46 > end || view.getUint32(at, true) !== DIRECTORY_ENTRY) return null;
    const size = view.getUint32(at + 24, true);
    const nameLength = view.getUint16(at + 28, true);
    const skip = nameLength + view.getUint16(at + 30, true) + view.getUint16(at + 32, true);
    if (at + 46 + skip > end) return null;
    entries.push({ name: decoder.decode(bytes.subarray(at + 46, at + 46 + nameLength)), size });
    at += 46 + skip;
  }
  return entries;
}
