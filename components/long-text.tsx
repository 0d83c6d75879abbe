const OPENING = 600
const MOST_SHOWN = 2000

/**
 * A curator's text with a sensible limit: the opening at once, the rest (up to 2,000 characters,
 * what an import accepts) behind a disclosure, so an old oversized text cannot swamp a page.
 */
export function LongText({ text, label }: { text: string; label: string }) {
  const characters = [...text]
  if (characters.length <= OPENING) return <p>{text}</p>
  const opening = characters
    .slice(0, OPENING)
    .join('')
    .replace(/\s+\S*$/, '')
  const shown = characters.slice(0, MOST_SHOWN).join('')
  return (
    <>
      <p>{opening} …</p>
      <details className="long-text">
        <summary>Read all of {label}</summary>
        <p>
          {shown}
          {characters.length > MOST_SHOWN &&
            ` … (cut at ${MOST_SHOWN.toLocaleString('en')} of ${characters.length.toLocaleString('en')} characters)`}
        </p>
      </details>
    </>
  )
}
