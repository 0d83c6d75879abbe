import { starsLabel } from './rating-format'

const BAR_WIDTH = 24
const BAR_GAP = 6
const CHART_HEIGHT = 80
const LABEL_SPACE = 16
const COUNT_SPACE = 14

/**
 * Ratings at each half-star step: a bar chart for the eye, hidden from assistive technology,
 * and the same numbers as a table for screen readers.
 */
export function RatingHistogram({ counts }: { counts: number[] }) {
  const highest = Math.max(1, ...counts)
  const width = counts.length * (BAR_WIDTH + BAR_GAP) - BAR_GAP
  const baseline = COUNT_SPACE + CHART_HEIGHT
  return (
    <div className="rating-histogram">
      <svg
        aria-hidden="true"
        focusable="false"
        viewBox={`0 0 ${width} ${baseline + LABEL_SPACE}`}
        width={width}
      >
        {counts.map((count, i) => {
          const x = i * (BAR_WIDTH + BAR_GAP)
          const height = count === 0 ? 0 : Math.max(2, (count / highest) * CHART_HEIGHT)
          return (
            <g key={i} data-score={i + 1} data-count={count}>
              <rect x={x} y={baseline - height} width={BAR_WIDTH} height={height} rx={2} />
              {count > 0 && (
                <text x={x + BAR_WIDTH / 2} y={baseline - height - 3} className="rating-bar-count">
                  {count}
                </text>
              )}
              <text x={x + BAR_WIDTH / 2} y={baseline + LABEL_SPACE - 3}>
                {(i + 1) / 2}
              </text>
            </g>
          )
        })}
        <line x1={0} x2={width} y1={baseline} y2={baseline} />
      </svg>
      <table className="visually-hidden">
        <caption>Number of ratings at each score</caption>
        <thead>
          <tr>
            <th scope="col">Rating</th>
            <th scope="col">Number of ratings</th>
          </tr>
        </thead>
        <tbody>
          {counts.map((count, i) => (
            <tr key={i}>
              <th scope="row">{starsLabel(i + 1)}</th>
              <td>{count}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  )
}
