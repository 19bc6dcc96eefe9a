#!/usr/bin/env node
import { run } from './cli.js';

const code = await run({ argv: process.argv.slice(2), cwd: process.cwd(), env: process.env, stdout: process.stdout, stderr: process.stderr });
process.exitCode = code;
