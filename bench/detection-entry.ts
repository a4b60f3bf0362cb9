// bench:browser builds this on its own (an IIFE named __qingduBenchDetection) to time the detector's detection run
// twice in one world: see firstRuns in bench/browser.ts.
export { detectPage } from '../src/extract/detect';
