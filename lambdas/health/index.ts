/** Health check: GET /health reports the deployed version from the `version` stage variable. */
import { json, route } from '../shared/http';

export const handler = route({
  'GET /health': (event) => json(200, { status: 'ok', version: event.stageVariables?.version ?? null }),
});
