#!/usr/bin/env node
// The `qingdu` command. Kept apart from main.ts so that tests and other code can import main() without running it.
import { main } from './main';

process.exitCode = main(process.argv.slice(2));
