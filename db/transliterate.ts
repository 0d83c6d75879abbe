import 'server-only'

// Simple English-style romanisation (as the canon's `transliteration` fields are written), for
// Russian and the Cyrillic letters of Ukrainian and Belarusian titles.
const CYRILLIC: Record<string, string> = {
  а: 'a', б: 'b', в: 'v', г: 'g', д: 'd', е: 'e', ё: 'yo', ж: 'zh', з: 'z', и: 'i', й: 'y',
  к: 'k', л: 'l', м: 'm', н: 'n', о: 'o', п: 'p', р: 'r', с: 's', т: 't', у: 'u', ф: 'f',
  х: 'kh', ц: 'ts', ч: 'ch', ш: 'sh', щ: 'shch', ъ: '', ы: 'y', ь: '', э: 'e', ю: 'yu', я: 'ya',
  і: 'i', ї: 'yi', є: 'ye', ґ: 'g', ў: 'u',
} // prettier-ignore

/** Lower-cased text with every Cyrillic letter romanised: "Летят журавли" → "letyat zhuravli". */
export function transliterate(text: string): string {
  return [...text.normalize('NFC').toLowerCase()].map((c) => CYRILLIC[c] ?? c).join('')
}
