/** Logs once per execution environment, when its init phase loads this module. */
// One id per execution environment (module state): a worker thread or an in-thread vm context.
const environmentId = require('node:crypto').randomUUID();

console.log('init');

exports.handler = async () => environmentId;
