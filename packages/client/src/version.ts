// Written by scripts/build.mjs from package.json: do not edit.
export const version = '0.1.0'
