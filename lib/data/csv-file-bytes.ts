/**
 * A CSV file's bytes as loadCsv reads them: its compression told by its first bytes, gzip decompressed, UTF-16
 * turned into UTF-8, or only a first part of it cut at a line end.
 */
import * as fs from 'fs';
import * as zlib from 'zlib';
import { InputError } from '../util/errors';

/** Node's limit for reading a file into one buffer (2 GiB - 1). */
export const MAX_FILE_BYTES = 2 ** 31 - 1;

/** The compression a file's first bytes announce (gzip, zip, bzip2, xz, zstd), or undefined for none. */
export function compression(b: Uint8Array): string | undefined {
  if (b[0] === 0x1f && b[1] === 0x8b) return 'gzip';
  if (b[0] === 0x50 && b[1] === 0x4b && b[2] === 3 && b[3] === 4) return 'zip';
  if (b[0] === 0x42 && b[1] === 0x5a && b[2] === 0x68 && b[3] >= 0x31 && b[3] <= 0x39) return 'bzip2'; // "BZh1" to "BZh9"
  if (b[0] === 0xfd && b[1] === 0x37 && b[2] === 0x7a && b[3] === 0x58) return 'xz';
  if (b[0] === 0x28 && b[1] === 0xb5 && b[2] === 0x2f && b[3] === 0xfd) return 'zstd';
  return undefined;
}

/**
 * A gzip-compressed file (.csv.gz, as pandas reads it by its extension) decompressed with Node's zlib. `nrows`
 * still reads the whole stream: a gzip file cannot be cut at a line end before it is decompressed.
 */
export function gunzipped(file: string): Buffer {
  try {
    return zlib.gunzipSync(fs.readFileSync(file));
  } catch (e) {
    const why =
      e instanceof RangeError
        ? 'it decompresses to more than Node can hold in one buffer; decompress it and split it by rows'
        : `its gzip stream is damaged (${(e as Error).message})`;
    throw new InputError(`${file} cannot be read: ${why}`);
  }
}

export function hasUtf16Bom(b: Uint8Array): boolean {
  return (b[0] === 0xff && b[1] === 0xfe) || (b[0] === 0xfe && b[1] === 0xff);
}

/**
 * A UTF-16 file — Excel's "Unicode text" export, some database tools — as UTF-8 bytes, recognised by its
 * byte-order mark (FF FE little-endian, FE FF big-endian); any other input unchanged. Without this, its bytes
 * read as invalid UTF-8 and the error pointed at latin1, which would load NUL-riddled text.
 */
export function utf16AsUtf8(bytes: Uint8Array, source: string): Uint8Array {
  if (!hasUtf16Bom(bytes)) return bytes;
  if (bytes[0] === 0xff && bytes[2] === 0 && bytes[3] === 0) {
    throw new InputError(`${source} is UTF-32 (its byte-order mark says so); re-save it as UTF-8 or UTF-16`);
  }
  const units = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.length & ~1);
  const little = bytes[0] === 0xff ? units : Buffer.from(units).swap16();
  return Buffer.from(little.toString('utf16le'), 'utf8');
}

/** The first `size` bytes of a file, cut back to just after their last line end (all of them if there is none). */
export function lineEndPrefix(file: string, size: number): Uint8Array {
  const part = readInto(file, Buffer.allocUnsafe(size), size);
  const end = part.lastIndexOf(10);
  return end >= 0 ? part.subarray(0, end + 1) : part;
}

/** Up to `size` bytes from the start of a file into `buf`: the bytes read (fewer if the file is shorter now). */
export function readInto(file: string, buf: Buffer, size: number): Buffer {
  const fd = fs.openSync(file, 'r');
  let got = 0;
  try {
    while (got < size) {
      const n = fs.readSync(fd, buf, got, size - got, got);
      if (n === 0) break;
      got += n;
    }
  } finally {
    fs.closeSync(fd);
  }
  return buf.subarray(0, got);
}
