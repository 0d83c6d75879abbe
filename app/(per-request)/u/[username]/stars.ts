/** A score in half stars (1–10) drawn with star characters, beside the words for it. */
export function starGlyphs(score: number) {
  return '★'.repeat(Math.floor(score / 2)) + (score % 2 ? '½' : '')
}
