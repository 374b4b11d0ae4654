/**
 * What an evidence file is, by its first bytes (magic numbers), whatever name or Content-Type it came with: the
 * formats accepted for materials are PDF, JPEG and PNG.
 */

/** The media types a material's file may have. */
export const acceptedTypes = ['application/pdf', 'image/jpeg', 'image/png'] as const;
export type AcceptedType = (typeof acceptedTypes)[number];

const signatures: readonly { type: AcceptedType; magic: readonly number[] }[] = [
  { type: 'application/pdf', magic: [0x25, 0x50, 0x44, 0x46, 0x2d] }, // %PDF-
  { type: 'image/jpeg', magic: [0xff, 0xd8, 0xff] },
  { type: 'image/png', magic: [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a] },
];

/** Bytes needed to tell every accepted type apart. */
export const sniffLength = Math.max(...signatures.map((s) => s.magic.length));

/** The accepted type `head` starts with, or undefined (pass at least `sniffLength` bytes unless the file is shorter). */
export function sniffType(head: Uint8Array): AcceptedType | undefined {
  return signatures.find((s) => s.magic.length <= head.length && s.magic.every((b, i) => head[i] === b))?.type;
}
