// Removes the per-run temporary directory of scratch-tmpdir.js.
module.exports = require('./scratch-tmpdir').teardown;
