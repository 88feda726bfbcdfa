/** mammoth's self-contained browser build (no Node built-ins), typed as the package itself. */
declare module 'mammoth/mammoth.browser.js' {
  import mammoth = require('mammoth');
  export = mammoth;
}
