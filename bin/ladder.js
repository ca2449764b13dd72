#!/usr/bin/env node
// Runs the built CLI (npm run build makes dist/); `npm start` builds first when needed.
import "../dist/cli/index.js";
