import 'server-only'
import { readFile } from 'node:fs/promises'
import { join } from 'node:path'

// Satori (under ImageResponse) reads TTF, OTF or WOFF, not WOFF2, and its built-in font has no
// Cyrillic: the original titles need Noto Serif's Cyrillic files beside its Latin ones.
const FILES = join(process.cwd(), 'node_modules/@fontsource/noto-serif/files')

type Weight = 400 | 700
type Font = { name: string; data: ArrayBuffer; weight: Weight; style: 'normal' }

let loading: Promise<Font[]> | null = null

/** The family list to set where the fonts are used. */
export const PREVIEW_FONT_FAMILY = '"Noto Serif", "Noto Serif Cyrillic"'

export function previewFonts(): Promise<Font[]> {
  loading ??= Promise.all(
    (['latin', 'cyrillic'] as const).flatMap((subset) =>
      ([400, 700] as const).map(async (weight) => {
        const file = await readFile(join(FILES, `noto-serif-${subset}-${weight}-normal.woff`))
        const data = file.buffer.slice(file.byteOffset, file.byteOffset + file.byteLength)
        const name = subset === 'latin' ? 'Noto Serif' : 'Noto Serif Cyrillic'
        return { name, data: data as ArrayBuffer, weight, style: 'normal' as const }
      }),
    ),
  )
  return loading
}
