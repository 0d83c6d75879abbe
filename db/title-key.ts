import 'server-only'
import { foldText } from './search-text'
import { transliterate } from './transliterate'

/**
 * What two ways of writing one title have in common: "The Ballad of a Soldier!", "ballad of a
 * soldier" and "Баллада о солдате"'s romanisation each fold to one key (Latin letters and digits,
 * no leading English article, no punctuation).
 */
export function titleKey(title: string): string {
  return foldText(transliterate(title))
    .replace(/['’ʼ]/g, '')
    .replace(/&/g, ' and ')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim()
    .replace(/^(the|a|an) /, '')
}

/** A URL slug in Latin letters: "Летят журавли" → "letyat-zhuravli". */
export function latinSlug(text: string): string {
  return foldText(transliterate(text))
    .replace(/['’ʼ]/g, '')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
}
