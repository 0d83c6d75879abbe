// npx tsx scripts/measure-hash.ts [runs]
// Times hashPassword with the current parameters on this machine; prints the median.
import { hashPassword, verifyPassword } from '@/lib/password'

const runs = Number(process.argv[2] ?? 5)
const time = async (work: () => Promise<unknown>) => {
  const start = performance.now()
  await work()
  return performance.now() - start
}
const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b)
  const middle = Math.floor(sorted.length / 2)
  return sorted.length % 2 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2
}

const stored = await hashPassword('warm-up and reference')
const hashes: number[] = []
const checks: number[] = []
for (let i = 0; i < runs; i++) {
  hashes.push(await time(() => hashPassword(`correct horse battery staple ${i}`)))
  checks.push(await time(() => verifyPassword('correct horse battery staple', stored)))
}
const format = (values: number[]) => values.map((v) => v.toFixed(0)).join(', ')
console.log(`hashPassword:   median ${median(hashes).toFixed(0)} ms (${format(hashes)})`)
console.log(`verifyPassword: median ${median(checks).toFixed(0)} ms (${format(checks)})`)
