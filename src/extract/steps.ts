/**
 * Step-wise work: the detector's scans are generators that yield between small pieces of work, so that the content
 * script can spread a huge page over short tasks; the extraction runs them to their end in one go.
 */

/** Nodes handled between two yields of the step-wise scans: well under a millisecond in a browser. */
export const STEP = 256;

/** Runs a step-wise scan to its end, in one go. */
export function run<T>(steps: Generator<void, T>): T {
  for (;;) {
    const next = steps.next();
    if (next.done) return next.value;
  }
}
