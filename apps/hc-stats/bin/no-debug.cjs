// Stands in for the `debug` package inside the hc-stats bundle: @stdlib's gammaincinv only logs through it,
// and the real one loads tty and stream modules at start-up (about 10 ms of every run).
'use strict';
module.exports = function createDebug() {
  const log = () => {};
  log.enabled = false;
  return log;
};
