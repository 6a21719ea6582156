import { execFileSync, spawn } from 'node:child_process'

/**
 * The command that restarts the local PostgreSQL cluster abruptly (`-m immediate`: no checkpoint,
 * crash recovery at start), found with pg_lsclusters (Debian). RELAIS_DRILL_RESTART overrides it.
 */
export function restartCommand(env: NodeJS.ProcessEnv = process.env): string[] {
  if (env.RELAIS_DRILL_RESTART) return ['sh', '-c', env.RELAIS_DRILL_RESTART]
  const clusters = execFileSync('pg_lsclusters', ['--no-header'], { encoding: 'utf8' })
    .split('\n')
    .map((line) => line.trim().split(/\s+/))
    .filter((cols) => cols[3] === 'online')
  const [version, name] = clusters[0] ?? []
  if (!version || !name) throw new Error('pg_lsclusters shows no online cluster: set RELAIS_DRILL_RESTART')
  return ['runuser', '-u', 'postgres', '--', 'pg_ctlcluster', version, name, 'restart', '-m', 'immediate']
}

/**
 * Runs the restart without blocking: the drill keeps polling /readyz meanwhile. Answers how long the
 * command took (it returns once the server accepts connections).
 */
export async function restartPostgres(command: string[]): Promise<number> {
  const started = performance.now()
  // Waits for the command's exit, not for its output to close: the server it starts keeps that open.
  const restart = spawn(command[0] ?? 'false', command.slice(1), { stdio: ['ignore', 'ignore', 'inherit'] })
  const code = await new Promise<number | null>((resolve, reject) => {
    restart.once('exit', resolve)
    restart.once('error', reject)
  })
  if (code !== 0) throw new Error(`${command.join(' ')} exited with ${code}`)
  return performance.now() - started
}
