export function SearchBox({ id, defaultValue = '' }: { id: string; defaultValue?: string }) {
  return (
    <form action="/films" method="get" role="search" className="search-form">
      <div className="field">
        <label htmlFor={id}>Search films</label>
        <input
          id={id}
          type="search"
          name="q"
          defaultValue={defaultValue}
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
