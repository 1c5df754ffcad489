/** A handler in a subdirectory of the code asset (`nested/app.handler`). */
exports.handler = async () => 'nested';

exports.routes = { users: { get: async () => 'nested export path' } };
