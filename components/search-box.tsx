type Props = { id: string; landmark: string }

export function SearchBox({ id, landmark }: Props) {
  return (
    <form action="/films" method="get" role="search" aria-label={landmark} className="search-form">
      <div className="field">
        <label htmlFor={id}>Search films</label>
        <input
          id={id}
          type="search"
          name="q"

          placeholder="Title, original title or name"
          autoComplete="off"
          maxLength={200}
        />
      </div>
      <button type="submit" className="button">
        Search
      </button>
    </form>
  )
}
