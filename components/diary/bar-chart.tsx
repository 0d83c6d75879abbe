type Bar = { label: string; value: number }

type Props = { title: string; valueHeading: string; labelHeading: string; bars: Bar[] }

const BAR_HEIGHT = 22
const GAP = 6
const LABEL_WIDTH = 90
const CHART_WIDTH = 420

/**
 * A horizontal bar chart drawn on the server, and the same numbers as a table: the drawing is for
 * the eye, the table (its caption names the chart) for everyone, screen readers included.
 */
export function BarChart({ title, valueHeading, labelHeading, bars }: Props) {
  const max = Math.max(1, ...bars.map((bar) => bar.value))
  const height = bars.length * (BAR_HEIGHT + GAP)
  const scale = (CHART_WIDTH - LABEL_WIDTH - 40) / max
  return (
    <figure className="bar-chart">
      <svg
        viewBox={`0 0 ${CHART_WIDTH} ${height}`}
        width="100%"
        style={{ maxWidth: CHART_WIDTH }}
        aria-hidden="true"
        focusable="false"
      >
        {bars.map((bar, i) => {
          const y = i * (BAR_HEIGHT + GAP)
          return (
            <g key={bar.label}>
              <text
                x={LABEL_WIDTH - 8}
                y={y + BAR_HEIGHT * 0.7}
                textAnchor="end"
                className="bar-label"
              >
                {bar.label}
              </text>
              <rect
                x={LABEL_WIDTH}
                y={y}
                width={bar.value * scale}
                height={BAR_HEIGHT}
                className="bar"
              />
              <text
                x={LABEL_WIDTH + bar.value * scale + 6}
                y={y + BAR_HEIGHT * 0.7}
                className="bar-label"
              >
                {bar.value}
              </text>
            </g>
          )
        })}
      </svg>
      <table className="chart-table">
        <caption>{title}</caption>
        <thead>
          <tr>
            <th scope="col">{labelHeading}</th>
            <th scope="col">{valueHeading}</th>
          </tr>
        </thead>
        <tbody>
          {bars.map((bar) => (
            <tr key={bar.label}>
              <th scope="row">{bar.label}</th>
              <td>{bar.value}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </figure>
  )
}
