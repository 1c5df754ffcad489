/** Runs the CLI from source inside this repository (`npm start`); the package's bin runs the compiled `dist/cli/main.js`. */
import '../lib/cli/main';
