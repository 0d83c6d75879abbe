/** On a film card: the signed-in member has seen this film. */
export function WatchedMark() {
  return <p className="watched-mark">✓ Watched</p>
}
