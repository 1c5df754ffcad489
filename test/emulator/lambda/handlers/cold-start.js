/** Logs once per execution environment, when its init phase loads this module. */
const { threadId } = require('node:worker_threads');

console.log('init');

exports.handler = async () => threadId;
