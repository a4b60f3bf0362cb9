import { execFileSync } from 'node:child_process';

/** A git command's trimmed output in `cwd`, or null when git is missing or the command fails. */
export function git(args: string[], cwd: string): string | null {
  try {
    return execFileSync('git', args, { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
  } catch {
    return null;
  }
}

/**
 * The paths whose changes make a run's code differ from its commit (a pathspec for `git status`): all but
 * BENCHMARKS.md, which the benchmarks themselves rewrite, one section each, run after run.
 */
export const CODE_PATHS = ['--', '.', ':(exclude)BENCHMARKS.md'];
